using System.Net;
using System.Net.Http.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Limits;

/// <summary>Project display names are bounded: a megabyte name is refused with 400, nothing stored.</summary>
[Trait("Needs", "Server")]
public sealed class ProjectNameTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new InProcessServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_oversized_or_control_character_name_is_refused()
    {
        using var client = _server.Client(TestTokens.For("olivia"));
        var huge = await client.PostAsJsonAsync("/api/projects", new { id = "huge", name = new string('x', 1 << 20) });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("'name'", await huge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/projects", new { id = "bell", name = "a\u0007b" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/projects/huge")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/projects", new { id = "long-enough", name = new string('y', 200) })).StatusCode);
    }
}
