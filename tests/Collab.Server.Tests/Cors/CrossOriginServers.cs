using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cors;

/// <summary>
/// The two servers <see cref="CrossOriginTests"/> asks, one per class rather than per test: the
/// tests only read (preflights, GETs), so nothing one of them does can change another's answer.
/// </summary>
public sealed class CrossOriginServers : IAsyncLifetime
{
    public const string Allowed = "https://jupyter.example.test";

    /// <summary>Two origins listed in <c>Cors:AllowedOrigins</c>.</summary>
    public InProcessServer Open { get; } = new(new Dictionary<string, string>
    {
        ["Cors:AllowedOrigins:0"] = Allowed,
        ["Cors:AllowedOrigins:1"] = "http://127.0.0.1:8888",
    });

    /// <summary>Nothing listed: the default.</summary>
    public InProcessServer Default { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Open.DisposeAsync();
        await Default.DisposeAsync();
    }
}
