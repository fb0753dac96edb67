using Collab.Server.Audit;
using Collab.Server.Backup.S3;
using Collab.Server.Chat;
using Collab.Server.Execution;
using Collab.Server.History;
using Collab.Server.Notebooks;
using Collab.Server.Projects;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public static class PostgresStorageExtensions
{
    /// <summary>
    /// Every store on PostgreSQL, in one place: the core stores, each feature's store and the
    /// schema contributors (created at start in this order), and the backup's database dump.
    /// </summary>
    public static IServiceCollection AddCollabPostgresStores(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<IStoreMaintenance, PostgresStoreMaintenance>();
        services.AddSingleton<IDocumentStore, PostgresDocumentStore>();
        services.AddSingleton<INotebookStore, PostgresNotebookStore>();
        services.AddSingleton<IProjectStore, PostgresProjectStore>();

        services.AddSingleton<IChatStore, PostgresChatStore>();
        services.AddSingleton<IStoreSchemaContributor, PostgresChatSchema>();
        services.AddSingleton<IAuditStore, PostgresAuditStore>();
        services.AddSingleton<IStoreSchemaContributor, PostgresAuditSchema>();
        services.AddSingleton<IProjectJupyterStore, PostgresProjectJupyterStore>();
        services.AddSingleton(sp => (IStoreSchemaContributor)sp.GetRequiredService<IProjectJupyterStore>());
        services.AddSingleton<IVersionStore, PostgresVersionStore>();
        services.AddSingleton<IStoreSchemaContributor, PostgresVersionSchema>();

        services.AddSingleton<IDatabaseDump, PostgresDatabaseDump>();
        return services;
    }
}
