
namespace Collab.Server.Storage;

/// <summary>Section <c>Storage:Sqlite</c>: tuning of the embedded SQLite backend.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary><c>Storage:Sqlite:Synchronous</c>: <c>Normal</c> (default) or <c>Full</c>; see <see cref="SqliteSynchronous"/>.</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>
    /// <c>Storage:Sqlite:MaxWalMegabytes</c>: size at which the write-ahead log is started over
    /// (default 32). Larger means rarer pauses of a few milliseconds under constant writes, and more disk.
    /// </summary>
    public int MaxWalMegabytes { get; set; } = 32;
}
