using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.WebClient;

/// <summary>The docs pages, the web client's files and the API come with a CSP, no framing, no sniffing and no referrer.</summary>
[Trait("Needs", "Server")]
public sealed class SecurityHeadersTests(DocsPagesServer pages) : IClassFixture<DocsPagesServer>
{
    private InProcessServer Server => pages.Server;

    [Theory]
    [InlineData("/docs/gpus/mig-slices")]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/api/projects")]
    public async Task Every_response_carries_the_headers(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Server.HttpUrl) };
        using var response = await client.GetAsync(path);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
