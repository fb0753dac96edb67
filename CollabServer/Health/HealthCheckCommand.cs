namespace Collab.Server.Health;

/// <summary>
/// <c>healthcheck [url]</c>: GETs the URL (default <c>http://127.0.0.1:8080/healthz</c>) and exits
/// 0 on a 2xx answer, 1 otherwise. The container's HEALTHCHECK runs it because the chiseled
/// runtime image has no shell or curl. It starts no host, so it needs no configuration.
/// </summary>
public static class HealthCheckCommand
{
    private const string DefaultUrl = "http://127.0.0.1:8080/healthz";

    public static bool IsRequested(string[] args) => args.FirstOrDefault() == "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"usage: healthcheck [http(s) URL]; '{url}' is not one.");
            return 2;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(uri);
            if (response.IsSuccessStatusCode) return 0;
            await Console.Error.WriteLineAsync($"{uri} answered {(int)response.StatusCode}.");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{uri} unreachable: {ex.Message}");
            return 1;
        }
    }
}
