using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab.Server.WebClient;

public static class WebClientExtensions
{
    /// <summary>The web client's options (<c>WebClient:*</c>), validated at start.</summary>
    public static IHostApplicationBuilder AddCollabWebClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebClientOptions>().Bind(builder.Configuration.GetSection(WebClientOptions.Section)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebClientOptions>, WebClientOptionsValidator>());
        return builder;
    }

    /// <summary>
    /// Serves the built web client (<c>clients/packages/web</c>, built into <c>wwwroot/</c> by
    /// <c>clients/build.sh</c>) at <c>/</c>. Before API and hub routes, so those never shadow it;
    /// requests for anything but a file fall through to them. The security headers are set
    /// ahead of them, so the web client, the docs pages and the API all get them.
    /// </summary>
    public static IApplicationBuilder UseCollabWebClient(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>().UseDefaultFiles().UseStaticFiles();

    /// <summary><c>GET /api/web-client/config</c>: public (the page reads it before anyone signs in), nothing secret in it.</summary>
    public static IEndpointRouteBuilder MapCollabWebClient(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/web-client/config", (IOptions<WebClientOptions> options) =>
            TypedResults.Ok(new WebClientConfig(options.Value.RoleNames.ToDictionary(
                r => r.Key.ToLowerInvariant(), r => r.Value.Trim()))))
            .AllowAnonymous().WithTags("WebClient");
        return app;
    }
}
