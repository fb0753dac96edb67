using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

/// <summary>
/// Opens connections to the embedded SQLite file (pooled; WAL is set once by the schema). Every
/// connection gets the configured <see cref="SqliteSynchronous"/> level and a busy timeout, so a
/// writer waits inside SQLite for the write lock instead of failing or polling.
/// </summary>
public sealed class SqliteDatabase
{
    private const int BusyTimeoutMs = 30_000;
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteDatabase(string path, SqliteSynchronous synchronous = SqliteSynchronous.Normal, long maxWalBytes = 32 << 20)
    {
        MaxWalBytes = maxWalBytes;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        OwnerOnlyFiles.Secure(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _pragmas = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout={BusyTimeoutMs};";
    }

    /// <summary>The document writer starts the write-ahead log over once it holds this many bytes.</summary>
    public long MaxWalBytes { get; }

    private long _logRemovals;

    /// <summary>
    /// Counts commits that removed documents' logs beside the document writer (a notebook deleted
    /// or created anew over an old one, a project deleted): the writer forgets the log heads it
    /// remembers when this moves (<see cref="SqliteDocumentWriter"/>).
    /// </summary>
    public long LogRemovals => Interlocked.Read(ref _logRemovals);

    /// <summary>Call after committing a removal of log rows on a connection of one's own.</summary>
    public void LogsRemoved() => Interlocked.Increment(ref _logRemovals);

    /// <summary>For callers on their own thread (the document writer): SQLite calls block anyway.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.Command(_pragmas);
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var pragmas = connection.Command(_pragmas);
        await pragmas.ExecuteNonQueryAsync(ct);
        return connection;
    }
}
