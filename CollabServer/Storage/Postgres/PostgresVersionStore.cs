using Collab.Server.History;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresVersionStore(NpgsqlDataSource db) : IVersionStore
{
    /// <summary>Advisory lock class of version writes (compaction uses its own), keyed by document.</summary>
    internal const int VersionLockClass = 7346003;
    private const string Columns = "id, created_at, kind, name, authors, seq, state_bytes, octet_length(state)";

    public async Task<NotebookVersion?> AddAsync(DocumentKey key, NewVersion version, bool onlyIfNewer, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // One writer per document at a time across replicas; transaction-scoped, so a replica that
        // dies mid-write releases it with its connection.
        await tx.Command("SELECT pg_advisory_xact_lock($1, hashtext($2 || '/' || $3))",
            VersionLockClass, key.ProjectId, key.DocName).ExecuteNonQueryAsync(ct);
        if (onlyIfNewer && await tx.Command(
                "SELECT 1 FROM notebook_versions WHERE project_id = $1 AND doc_name = $2 AND seq >= $3 LIMIT 1",
                key.ProjectId, key.DocName, version.Seq).ExecuteScalarAsync(ct) is not null)
            return null;
        var authors = new SortedSet<string>(version.Authors, StringComparer.Ordinal);
        await using (var reader = await tx.Command(
                         "DELETE FROM notebook_version_authors WHERE project_id = $1 AND doc_name = $2 RETURNING user_id",
                         key.ProjectId, key.DocName).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) authors.Add(reader.GetString(0));
        }
        NotebookVersion? added;
        await using (var reader = await tx.Command($"""
                         INSERT INTO notebook_versions (project_id, doc_name, created_at, kind, name, authors, seq, state_bytes, state)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {Columns}
                         """, key.ProjectId, key.DocName, version.CreatedAt, version.Kind.ToWire(), version.Name, authors.ToArray(),
                         version.Seq, version.StateBytes, version.CompressedState).ExecuteReaderAsync(ct))
        {
            added = await reader.ReadAsync(ct) ? Read(reader) : null;
        }
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task NoteAuthorsAsync(DocumentKey key, IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        // A notebook deleted meanwhile has no row to refer to: nothing to note then.
        await connection.Command("""
            INSERT INTO notebook_version_authors (project_id, doc_name, user_id)
            SELECT $1, $2, u FROM unnest($3::text[]) AS u
            WHERE EXISTS (SELECT 1 FROM notebooks WHERE project_id = $1 AND name = $2)
            ON CONFLICT DO NOTHING
            """, key.ProjectId, key.DocName, userIds.ToArray()).ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<NotebookVersion>> ListAsync(DocumentKey key, long? before, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command($"""
            SELECT {Columns} FROM notebook_versions
            WHERE project_id = $1 AND doc_name = $2 AND id < $3 ORDER BY id DESC LIMIT $4
            """, key.ProjectId, key.DocName, before ?? long.MaxValue, limit).ExecuteReaderAsync(ct);
        var list = new List<NotebookVersion>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    public async Task<NotebookVersion?> LatestAsync(DocumentKey key, CancellationToken ct = default) =>
        (await ListAsync(key, null, 1, ct)).FirstOrDefault();

    public async Task<StoredVersion?> GetAsync(DocumentKey key, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command($"""
            SELECT {Columns}, state FROM notebook_versions WHERE project_id = $1 AND doc_name = $2 AND id = $3
            """, key.ProjectId, key.DocName, id).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredVersion(Read(reader), reader.GetFieldValue<byte[]>(8)) : null;
    }

    public async Task<IReadOnlyList<DocumentKey>> DocumentsAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command("SELECT DISTINCT project_id, doc_name FROM notebook_versions").ExecuteReaderAsync(ct);
        var keys = new List<DocumentKey>();
        while (await reader.ReadAsync(ct)) keys.Add(new DocumentKey(reader.GetString(0), reader.GetString(1)));
        return keys;
    }

    public async Task<int> DeleteAsync(DocumentKey key, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return 0;
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.Command("DELETE FROM notebook_versions WHERE project_id = $1 AND doc_name = $2 AND id = ANY($3)",
            key.ProjectId, key.DocName, ids.ToArray()).ExecuteNonQueryAsync(ct);
    }

    public async Task<HistorySettings> GetSettingsAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var value = await connection.Command("SELECT owners_only_restore FROM history_settings WHERE project_id = $1", projectId)
            .ExecuteScalarAsync(ct);
        return value is bool flag ? new HistorySettings(flag) : HistorySettings.Default;
    }

    public async Task SetSettingsAsync(string projectId, HistorySettings settings, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.Command("""
            INSERT INTO history_settings (project_id, owners_only_restore) VALUES ($1, $2)
            ON CONFLICT (project_id) DO UPDATE SET owners_only_restore = excluded.owners_only_restore
            """, projectId, settings.OwnersOnlyRestore).ExecuteNonQueryAsync(ct);
    }

    private static NotebookVersion Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), VersionKinds.Parse(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3),
        r.GetFieldValue<string[]>(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
}
