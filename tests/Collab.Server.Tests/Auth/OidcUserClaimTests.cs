using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Auth;

/// <summary>
/// <c>Auth:UserClaim</c> names the user by another claim of the provider's token (here <c>email</c>):
/// members are added by that id, and the hub and REST both know the user by it.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class OidcUserClaimTests : IAsyncLifetime
{
    private OidcTestProvider _provider = null!;
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _provider = await OidcTestProvider.StartAsync();
        _server = new InProcessServer(new Dictionary<string, string>(OidcFixture.SettingsFor(_provider))
        {
            ["Auth:UserClaim"] = "email",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Members_are_keyed_by_the_configured_claim()
    {
        using var olivia = _server.Client(await _provider.SignInAsync("olivia"));
        (await olivia.PostAsJsonAsync("/api/projects", new { id = "mail" })).EnsureSuccessStatusCode();
        (await olivia.PutAsJsonAsync("/api/projects/mail/members/bob@example.test", new { role = "viewer" })).EnsureSuccessStatusCode();
        var members = JsonNode.Parse(await olivia.GetStringAsync("/api/projects/mail/members"))!.AsArray();
        Assert.Contains(members, m => (string)m!["userId"]! == "olivia@example.test" && (string)m["role"]! == "owner");

        var bobToken = await _provider.SignInAsync("bob");
        using var bob = _server.Client(bobToken);
        var project = Assert.Single(JsonNode.Parse(await bob.GetStringAsync("/api/projects"))!.AsArray())!;
        Assert.Equal("viewer", (string)project["role"]!);
        await using var hub = await HubDocClient.JoinAsync(_server, bobToken, "mail", "welcome.ipynb");
        Assert.Equal("viewer", hub.Role);
    }
}
