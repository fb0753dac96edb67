using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Auth;

/// <summary>
/// One server with project "alpha" (owner olivia, editor eddie, viewer vera) and project
/// "beta" (owner bruno); nora belongs to neither.
/// </summary>
public sealed class AuthServerFixture : IAsyncLifetime
{
    public InProcessServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new InProcessServer();
        await Server.CreateProjectAsync("olivia", "alpha");
        await Server.AddMemberAsync("olivia", "alpha", "eddie", "editor");
        await Server.AddMemberAsync("olivia", "alpha", "vera", "viewer");
        await Server.CreateProjectAsync("bruno", "beta");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
