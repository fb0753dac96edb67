using System.Net.Http.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Auth;

/// <summary>
/// A real OpenID provider and a Collab server trusting only it (no HS256 key). Olivia signed in
/// there and created project "lab"; she added Bob by his user id (his <c>sub</c>) as an editor.
/// </summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public OidcTestProvider Provider { get; private set; } = null!;
    public InProcessServer Server { get; private set; } = null!;
    public string OliviaToken { get; private set; } = "";
    public string BobToken { get; private set; } = "";

    public static Dictionary<string, string> SettingsFor(OidcTestProvider provider) => new()
    {
        ["Auth:Authority"] = provider.Issuer,
        ["Auth:RequireHttpsMetadata"] = "false", // a loopback http provider, for this test only
        ["Auth:Audience"] = provider.Audience,
        ["Auth:ClientId"] = provider.ClientId,
        ["Auth:Scopes"] = provider.Scopes,
        ["Auth:SigningKey"] = "",
    };

    public async Task InitializeAsync()
    {
        Provider = await OidcTestProvider.StartAsync();
        Server = new InProcessServer(SettingsFor(Provider));
        OliviaToken = await Provider.SignInAsync("olivia");
        BobToken = await Provider.SignInAsync("bob");
        using var olivia = Server.Client(OliviaToken);
        (await olivia.PostAsJsonAsync("/api/projects", new { id = "lab" })).EnsureSuccessStatusCode();
        (await olivia.PutAsJsonAsync("/api/projects/lab/members/bob", new { role = "editor" })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
