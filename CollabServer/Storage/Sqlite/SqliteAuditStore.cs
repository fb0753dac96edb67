using Collab.Server.Audit;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteAuditStore(SqliteDatabase db) : IAuditStore
{
    private const string Columns = "id, project_id, at, actor, action, target, detail";

    public async Task<AuditEntry?> AppendAsync(AuditEvent entry, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command($"""
            INSERT INTO audit_log (project_id, at, actor, action, target, detail, once_key, incarnation)
            VALUES ($p, $at, $actor, $action, $target, $detail, $once, (SELECT incarnation FROM projects WHERE id = $p))
            ON CONFLICT DO NOTHING RETURNING {Columns}
            """,
            ("$p", entry.ProjectId), ("$at", entry.At.ToUnixTimeMilliseconds()), ("$actor", entry.Actor),
            ("$action", entry.Action), ("$target", entry.Target), ("$detail", entry.Detail), ("$once", entry.OnceKey))
            .ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string projectId, long? before, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command($"""
            SELECT {Columns} FROM audit_log
            WHERE project_id = $p AND incarnation = (SELECT incarnation FROM projects WHERE id = $p) AND id < $before
            ORDER BY id DESC LIMIT $limit
            """, ("$p", projectId), ("$before", before ?? long.MaxValue), ("$limit", limit)).ExecuteReaderAsync(ct);
        var list = new List<AuditEntry>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    private static AuditEntry Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.ReadTime(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
