namespace Collab.Server.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Binds and validates <see cref="StorageOptions"/> (<c>ConnectionStrings:Postgres</c> fills
    /// <c>Storage:PostgresConnectionString</c> when that is unset) and returns them as configured,
    /// so the caller can pick the backend.
    /// </summary>
    public static StorageOptions AddCollabStorageOptions(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageOptions.Section);
        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        options.PostgresConnectionString ??= builder.Configuration.GetConnectionString("Postgres");
        builder.Services.AddOptions<StorageOptions>()
            .Bind(section)
            .PostConfigure(o => o.PostgresConnectionString ??= builder.Configuration.GetConnectionString("Postgres"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqliteFile) && o.SqliteFile.IndexOfAny(['/', '\\']) < 0,
                "Storage:SqliteFile must be a plain file name.")
            .Validate(o => o.Sqlite.MaxWalMegabytes > 0, "Storage:Sqlite:MaxWalMegabytes must be at least 1.")
            .ValidateOnStart();
        return options;
    }
}
