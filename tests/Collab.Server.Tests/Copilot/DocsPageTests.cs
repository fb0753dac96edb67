using System.Net;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Copilot;

/// <summary>Citations <c>path#anchor</c> open as pages of the server, at the cited heading.</summary>
[Trait("Needs", "Server")]
public sealed class DocsPageTests(DocsPagesServer pages) : IClassFixture<DocsPagesServer>
{
    private InProcessServer Server => pages.Server;

    [Fact]
    public async Task A_cited_page_renders_with_the_heading_anchor()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.HttpUrl) };
        var response = await http.GetAsync("/docs/troubleshooting/pod-states.md");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"crashloopbackoff\"", html);
        Assert.DoesNotContain("title:", html); // front matter is not part of the page
    }

    [Theory]
    [InlineData("/docs/no-such-page.md")]
    [InlineData("/docs/..%2F..%2FREADME.md")]
    [InlineData("/docs/%2Fetc%2Fpasswd")]
    public async Task Unknown_pages_and_paths_outside_the_docs_are_not_found(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.HttpUrl) };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
    }
}
