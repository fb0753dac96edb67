namespace Collab.Server.Storage;

/// <summary>
/// Runs every <see cref="IStoreSchemaContributor"/> at start. Registered after
/// <see cref="StoreSchemaInitializer"/>, and hosted services start in order, so the core tables
/// the contributors refer to already exist.
/// </summary>
public sealed class StoreSchemaContributorInitializer(IEnumerable<IStoreSchemaContributor> contributors) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var contributor in contributors) await contributor.EnsureSchemaAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
