namespace Collab.Server.Storage;

/// <summary>Creates the schema before the server accepts requests, so a bad store fails the start.</summary>
public sealed class StoreSchemaInitializer(IStoreMaintenance store, ILogger<StoreSchemaInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await store.EnsureSchemaAsync(ct);
        logger.LogInformation("Store {Backend} ready", store.Backend);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
