namespace Collab.Server.Auth;

/// <summary>
/// <c>/api/auth/callback</c>: where the OpenID provider sends a sign-in popup back to (the JupyterLab
/// extension's; see clients/packages/ui/src/oidc-sign-in.ts). Served by the server itself, under
/// <c>/api</c>, so it is there without the web client build and behind a gateway that routes only
/// <c>/api</c>. The script (a file of its own: the CSP allows no inline script) hands the callback URL
/// to the window that opened the popup, but only if that window's origin is this server's or in
/// <c>Cors:AllowedOrigins</c>: that window holds the PKCE verifier, and another opener could hold one
/// of its own for the same code.
/// </summary>
public static class SignInCallbackPage
{
    public const string Path = "/api/auth/callback";

    private const string Html = """
        <!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <title>Collab sign-in</title>
            <link rel="icon" href="data:," />
            <script src="callback.js" defer></script>
          </head>
          <body>
            <p id="status">Finishing sign-in…</p>
          </body>
        </html>
        """;

    private const string Script = """
        const status = document.getElementById('status')
        const callback = location.href
        history.replaceState(null, '', location.pathname)
        if (!window.opener) {
          status.textContent = 'This page finishes a sign-in started from JupyterLab; open Collab there.'
        } else {
          fetch('config')
            .then(response => response.json())
            .then(config => {
              for (const origin of [location.origin, ...config.allowedOrigins]) {
                window.opener.postMessage({ type: 'collab-sign-in', url: callback }, origin)
              }
              status.textContent = 'You can close this window and go back to JupyterLab.'
            })
            .catch(error => { status.textContent = `Sign-in could not finish: ${error.message}` })
        }
        """;

    public static IEndpointRouteBuilder MapSignInCallbackPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => TypedResults.Content(Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(Path + ".js", () => TypedResults.Content(Script, "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
