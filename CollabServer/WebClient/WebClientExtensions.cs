namespace Collab.Server.WebClient;

public static class WebClientExtensions
{
    /// <summary>
    /// Serves the built web client (<c>clients/packages/web</c>, built into <c>wwwroot/</c> by
    /// <c>clients/build.sh</c>) at <c>/</c>. Before API and hub routes, so those never shadow it;
    /// requests for anything but a file fall through to them. The security headers are set
    /// ahead of them, so the web client, the docs pages and the API all get them.
    /// </summary>
    public static IApplicationBuilder UseCollabWebClient(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>().UseDefaultFiles().UseStaticFiles();
}
