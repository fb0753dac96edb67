namespace Collab.Server.WebClient;

public static class WebClientExtensions
{
    /// <summary>
    /// Serves the built web client (<c>clients/packages/web</c>, built into <c>wwwroot/</c> by
    /// <c>clients/build.sh</c>) at <c>/</c>. Before API and hub routes, so those never shadow it;
    /// requests for anything but a file fall through to them.
    /// </summary>
    public static IApplicationBuilder UseCollabWebClient(this IApplicationBuilder app) =>
        app.UseDefaultFiles().UseStaticFiles();
}
