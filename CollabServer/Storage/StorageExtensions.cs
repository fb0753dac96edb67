using Collab.Server.Storage.Postgres;
using Collab.Server.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Collab.Server.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers one backend behind the store interfaces: PostgreSQL when
    /// <c>ConnectionStrings:Postgres</c> is set, else the embedded SQLite file.
    /// </summary>
    public static IHostApplicationBuilder AddCollabStorage(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageOptions.Section);
        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        options.PostgresConnectionString ??= builder.Configuration.GetConnectionString("Postgres");
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .Bind(section)
            .PostConfigure(o => o.PostgresConnectionString ??= builder.Configuration.GetConnectionString("Postgres"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqliteFile) && o.SqliteFile.IndexOfAny(['/', '\\']) < 0,
                "Storage:SqliteFile must be a plain file name.")
            .Validate(o => o.Sqlite.MaxWalMegabytes > 0, "Storage:Sqlite:MaxWalMegabytes must be at least 1.")
            .ValidateOnStart();

        if (options.UsesPostgres)
        {
            services.AddSingleton(_ => new NpgsqlDataSourceBuilder(options.PostgresConnectionString).Build());
            services.AddSingleton<IStoreMaintenance, PostgresStoreMaintenance>();
            services.AddSingleton<IDocumentStore, PostgresDocumentStore>();
            services.AddSingleton<INotebookStore, PostgresNotebookStore>();
            services.AddSingleton<IProjectStore, PostgresProjectStore>();
        }
        else
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
        }
        services.AddHostedService<StoreSchemaInitializer>();
        services.AddHostedService<DataVolumeMetrics>();
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TService"/> as the SQLite or the PostgreSQL implementation,
    /// following <see cref="StorageOptions"/> as resolved at run time: the one place a feature's
    /// store picks its backend.
    /// </summary>
    public static IServiceCollection AddBackendSingleton<TService, TSqlite, TPostgres>(this IServiceCollection services)
        where TService : class where TSqlite : TService where TPostgres : TService =>
        services.AddSingleton<TService>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.UsesPostgres
            ? ActivatorUtilities.CreateInstance<TPostgres>(sp)
            : ActivatorUtilities.CreateInstance<TSqlite>(sp));
}
