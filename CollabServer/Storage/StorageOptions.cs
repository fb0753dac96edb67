namespace Collab.Server.Storage;

/// <summary>
/// Where documents live. Without <c>ConnectionStrings:Postgres</c> the embedded SQLite file
/// under <see cref="DataDirectory"/> is used.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Storage:DataDirectory</c>: SQLite file and the dev signing key go here.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>Storage:SqliteFile</c>: file name inside <see cref="DataDirectory"/>.</summary>
    public string SqliteFile { get; set; } = "collab.db";

    /// <summary><c>Storage:Sqlite</c>: SQLite durability setting.</summary>
    public SqliteStorageOptions Sqlite { get; set; } = new();

    /// <summary><c>ConnectionStrings:Postgres</c>, copied here when configured.</summary>
    public string? PostgresConnectionString { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, SqliteFile));
}
