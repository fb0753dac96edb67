namespace Collab.Server.WebClient;

/// <summary>
/// Browser hardening on every response (the web client, <c>/docs</c> pages, the API): a CSP that
/// allows what the web client loads (its own scripts and styles; inline styles, which CodeMirror
/// and the presence dots set; <c>data:</c> images for notebook outputs; fetch and WebSocket to
/// this origin), no framing, no MIME sniffing, no referrer (URLs hold project and notebook names).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
