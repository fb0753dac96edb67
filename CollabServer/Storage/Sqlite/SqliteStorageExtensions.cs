using Collab.Server.Audit;
using Collab.Server.Backup.S3;
using Collab.Server.Chat;
using Collab.Server.Execution;
using Collab.Server.History;
using Collab.Server.Notebooks;
using Collab.Server.Projects;
using Microsoft.Extensions.Options;

namespace Collab.Server.Storage.Sqlite;

public static class SqliteStorageExtensions
{
    /// <summary>
    /// Every store on the embedded SQLite file, in one place: the core stores, each feature's store
    /// and the schema contributors (created at start in this order), and the backup's database dump.
    /// </summary>
    public static IServiceCollection AddCollabSqliteStores(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(storage.SqlitePath, storage.Sqlite.Synchronous, storage.Sqlite.MaxWalMegabytes * (1L << 20));
        });
        services.AddSingleton<IStoreMaintenance, SqliteStoreMaintenance>();
        services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        services.AddSingleton<INotebookStore, SqliteNotebookStore>();
        services.AddSingleton<IProjectStore, SqliteProjectStore>();

        services.AddSingleton<IChatStore, SqliteChatStore>();
        services.AddSingleton<IStoreSchemaContributor, SqliteChatSchema>();
        services.AddSingleton<IAuditStore, SqliteAuditStore>();
        services.AddSingleton<IStoreSchemaContributor, SqliteAuditSchema>();
        services.AddSingleton<IProjectJupyterStore, SqliteProjectJupyterStore>();
        services.AddSingleton(sp => (IStoreSchemaContributor)sp.GetRequiredService<IProjectJupyterStore>());
        services.AddSingleton<IVersionStore, SqliteVersionStore>();
        services.AddSingleton<IStoreSchemaContributor, SqliteVersionSchema>();

        services.AddSingleton<IDatabaseDump, SqliteDatabaseDump>();
        return services;
    }
}
