using Collab.Server.Errors;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab.Server.WebClient;

public static class WebClientExtensions
{
    private const string NotBuiltPage = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>Collab: web client not built</title>
        <body>
        <h1>The web client is not built</h1>
        <p>The server is running, but the browser client it serves here was not built, because
        Node.js and npm were not found when the server was built.</p>
        <p>Install Node.js (20 or later) with npm, then either run the server again with
        <code>dotnet run --project CollabServer</code> (it builds the client), or build it yourself:
        <code>cd clients &amp;&amp; npm ci &amp;&amp; ./build.sh</code>.</p>
        <p>The API, the hub and y-websocket work meanwhile.</p></body></html>
        """;

    private const string NotBuiltDetail = "The web client is not built (Node.js and npm were not found when the server was built). " +
        "Install Node.js 20+ and run the server again, or build it with 'cd clients && npm ci && ./build.sh'. " +
        "The API, the hub and y-websocket work meanwhile; " + ProblemGuidance.ApiDescription;

    // Browsers get the page; API clients and scripts get the same guidance as problem details.
    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The web client's options (<c>WebClient:*</c>), validated at start.</summary>
    public static IHostApplicationBuilder AddCollabWebClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebClientOptions>().Bind(builder.Configuration.GetSection(WebClientOptions.Section)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebClientOptions>, WebClientOptionsValidator>());
        return builder;
    }

    /// <summary>
    /// Serves the built web client (<c>clients/packages/web</c>, built into <c>wwwroot/</c> by
    /// <c>clients/build.sh</c> or the server's build) at <c>/</c>, or a page (problem details for non-browsers) saying how to build it.
    /// Before API and hub routes, so those never shadow it; requests for anything but a file fall
    /// through to them. The security headers are set ahead of them, so the web client, the docs
    /// pages and the API all get them.
    /// </summary>
    public static IApplicationBuilder UseCollabWebClient(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method)
                && !environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
            {
                if (!AcceptsHtml(context.Request))
                {
                    await Refusals.Problem(context, ErrorCode.Unavailable, NotBuiltDetail).ExecuteAsync(context);
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(NotBuiltPage);
                return;
            }
            await next();
        });
        return app.UseDefaultFiles().UseStaticFiles();
    }

    /// <summary><c>GET /api/web-client/config</c>: public (the page reads it before anyone signs in), nothing secret in it.</summary>
    public static IEndpointRouteBuilder MapCollabWebClient(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/web-client/config", (IOptions<WebClientOptions> options) =>
            TypedResults.Ok(new WebClientConfig(options.Value.RoleNames.ToDictionary(
                r => r.Key.ToLowerInvariant(), r => r.Value.Trim()))))
            .AllowAnonymous().WithTags("WebClient")
            .WithSummary("The web client's settings")
            .WithDescription("Anonymous: the display names of the roles (`WebClient:RoleNames`).");
        return app;
    }
}
