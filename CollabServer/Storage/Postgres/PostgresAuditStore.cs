using Collab.Server.Audit;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresAuditStore(NpgsqlDataSource db) : IAuditStore
{
    public async Task<AuditEntry?> AppendAsync(AuditEvent entry, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command(AuditSql.Append,
                entry.ProjectId, entry.At, entry.Actor, entry.Action, entry.Target, entry.Detail, entry.OnceKey)
            .ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string projectId, long? before, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command(AuditSql.Page, projectId, before ?? long.MaxValue, limit).ExecuteReaderAsync(ct);
        var list = new List<AuditEntry>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    private static AuditEntry Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
