using Collab.Server.Observability;
using Collab.Server.Storage.Postgres;
using Collab.Server.Storage.Sqlite;

namespace Collab.Server.Storage.Backends;

public static class StorageBackendExtensions
{
    /// <summary>
    /// The one place the backend is picked: PostgreSQL when <c>ConnectionStrings:Postgres</c> is
    /// set, else the embedded SQLite file. Every store of every feature comes from that backend;
    /// the core schema, then the features' tables, are created at start.
    /// </summary>
    public static IHostApplicationBuilder AddCollabStorage(this IHostApplicationBuilder builder)
    {
        var options = builder.AddCollabStorageOptions();
        var services = builder.Services;
        if (options.UsesPostgres) services.AddCollabPostgresStores(options.PostgresConnectionString!);
        else services.AddCollabSqliteStores();
        services.TryDecorate<IDocumentStore>((sp, inner) =>
        {
            var metrics = sp.GetRequiredService<CollabMetrics>();
            if (inner is SqliteDocumentStore sqlite) metrics.ObserveAppendsBehindSnapshots(() => sqlite.AppendsBehindSnapshots);
            return new MeteredDocumentStore(inner, metrics);
        });
        services.AddHostedService<StoreSchemaInitializer>();
        services.AddHostedService<DataVolumeMetrics>();
        services.AddHostedService<StoreSchemaContributorInitializer>();
        return builder;
    }
}
