using Collab.Server.Auth;
using Microsoft.Extensions.Options;

namespace Collab.Server.WebClient;

/// <summary>
/// Browser hardening on every response (the web client, <c>/docs</c> pages, the API): a CSP that
/// allows what the web client loads (its own scripts and styles; inline styles, which CodeMirror
/// and the presence dots set; <c>data:</c> images for notebook outputs; fetch and WebSocket to
/// this origin, and to the sign-in authority for its discovery and token requests), no framing, no
/// MIME sniffing, no referrer (URLs hold project and notebook names).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<AuthOptions> auth)
{
    private readonly string _contentSecurityPolicy = ContentSecurityPolicy(AuthClientConfig.From(auth.Value).Authority);

    private const string ScriptSource = "script-src 'self'";

    public static string ContentSecurityPolicy(string? authority) =>
        $"default-src 'self'; {ScriptSource}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'{(Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "")}; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Lets this response's scripts carrying <paramref name="nonce"/> run as well (a page whose
    /// start-up script is inline, the API docs page): call before the response starts.
    /// </summary>
    public static void AllowScriptNonce(HttpResponse response, string nonce) =>
        response.Headers.ContentSecurityPolicy = response.Headers.ContentSecurityPolicy.ToString()
            .Replace(ScriptSource, $"{ScriptSource} 'nonce-{nonce}'", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
