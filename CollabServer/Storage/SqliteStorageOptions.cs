using Collab.Server.Storage.Sqlite;

namespace Collab.Server.Storage;

/// <summary>Section <c>Storage:Sqlite</c>: tuning of the embedded SQLite backend.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary><c>Storage:Sqlite:Synchronous</c>: <c>Normal</c> (default) or <c>Full</c>; see <see cref="SqliteSynchronous"/>.</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;
}
