using Collab.Server.Audit;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteAuditStore(SqliteDatabase db) : IAuditStore
{
    public async Task<AuditEntry?> AppendAsync(AuditEvent entry, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(AuditSql.Append,
            ("$1", entry.ProjectId), ("$2", entry.At.ToUnixTimeMilliseconds()), ("$3", entry.Actor),
            ("$4", entry.Action), ("$5", entry.Target), ("$6", entry.Detail), ("$7", entry.OnceKey))
            .ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string projectId, long? before, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(AuditSql.Page, ("$1", projectId), ("$2", before ?? long.MaxValue), ("$3", limit)).ExecuteReaderAsync(ct);
        var list = new List<AuditEntry>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    private static AuditEntry Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.ReadTime(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
