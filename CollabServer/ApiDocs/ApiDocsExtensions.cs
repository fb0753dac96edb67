using System.Security.Cryptography;
using Collab.Server.WebClient;
using Scalar.AspNetCore;

namespace Collab.Server.ApiDocs;

public static class ApiDocsExtensions
{
    public const string PagePath = "/api/docs";

    /// <summary>
    /// The OpenAPI description at <c>/openapi/v1.json</c>: every operation with a summary (set
    /// beside each endpoint with <c>WithSummary</c>), its typed results and problems, and the
    /// JWT bearer scheme on the operations that need a token.
    /// </summary>
    public static IHostApplicationBuilder AddCollabApiDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o =>
        {
            var bearer = new BearerSecurityTransformer();
            o.AddDocumentTransformer(bearer);
            o.AddOperationTransformer(bearer);
            o.AddDocumentTransformer(new ProblemResponsesTransformer());
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Collab";
                document.Info.Description = "Projects, members, notebooks, chat, copilot and execution over REST. " +
                    "Live editing runs over the SignalR hub at /hubs/collab and y-websocket at /yjs/{projectId}/{docName}, not described here. " +
                    "Every error is problem details with a `code` (invalid, unauthorized, forbidden, not_found, conflict, too_large, rate_limited, unavailable, internal).";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>
    /// <c>/openapi/v1.json</c> and the interactive page at <c>/api/docs</c> (Scalar, served from
    /// the package: nothing is fetched from elsewhere). Its inline start-up script runs under the
    /// server's strict CSP through a fresh nonce per request.
    /// </summary>
    public static IEndpointRouteBuilder MapCollabApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(PagePath, (options, http) =>
        {
            // Hex: a base64 nonce's '+' comes out HTML-encoded in the page, which a reader of the markup would not match.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            options.WithTitle("Collab API").WithNonce(nonce).DisableDefaultFonts().DisableTelemetry()
                .HideDeveloperTools().DisableAgent().DisableMcp()
                .AddPreferredSecuritySchemes([BearerSecurityTransformer.SchemeName]);
            http.Response.OnStarting(() =>
            {
                SecurityHeadersMiddleware.AllowScriptNonce(http.Response, nonce);
                return Task.CompletedTask;
            });
        }).AllowAnonymous();
        return app;
    }
}
