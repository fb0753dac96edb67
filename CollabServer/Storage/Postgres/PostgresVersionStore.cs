using Collab.Server.History;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresVersionStore(NpgsqlDataSource db) : IVersionStore
{
    /// <summary>Advisory lock class of version writes (compaction uses its own), keyed by document.</summary>
    internal const int VersionLockClass = 7346003;
    private static readonly string Columns = VersionSql.Columns("octet_length");

    public async Task<NotebookVersion?> AddAsync(DocumentKey key, NewVersion version, bool onlyIfNewer, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // One writer per document at a time across replicas; transaction-scoped, so a replica that
        // dies mid-write releases it with its connection.
        await tx.Command("SELECT pg_advisory_xact_lock($1, hashtext($2 || '/' || $3))",
            VersionLockClass, key.ProjectId, key.DocName).ExecuteNonQueryAsync(ct);
        if (onlyIfNewer && await tx.Command(
                VersionSql.NewerExists,
                key.ProjectId, key.DocName, version.Seq).ExecuteScalarAsync(ct) is not null)
            return null;
        var authors = new SortedSet<string>(version.Authors, StringComparer.Ordinal);
        await using (var reader = await tx.Command(
                         VersionSql.TakeNotedAuthors,
                         key.ProjectId, key.DocName).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) authors.Add(reader.GetString(0));
        }
        NotebookVersion? added;
        await using (var reader = await tx.Command(VersionSql.Insert(Columns), key.ProjectId, key.DocName, version.CreatedAt, version.Kind.ToWire(), version.Name, authors.ToArray(),
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
        await using var reader = await connection.Command(VersionSql.Page(Columns), key.ProjectId, key.DocName, before ?? long.MaxValue, limit).ExecuteReaderAsync(ct);
        var list = new List<NotebookVersion>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    public async Task<NotebookVersion?> LatestAsync(DocumentKey key, CancellationToken ct = default) =>
        (await ListAsync(key, null, 1, ct)).FirstOrDefault();

    public async Task<StoredVersion?> GetAsync(DocumentKey key, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command(VersionSql.Get(Columns), key.ProjectId, key.DocName, id).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredVersion(Read(reader), reader.GetFieldValue<byte[]>(8)) : null;
    }

    public async Task<IReadOnlyList<DocumentKey>> DocumentsAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command(VersionSql.Documents).ExecuteReaderAsync(ct);
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
        var value = await connection.Command(VersionSql.Settings, projectId)
            .ExecuteScalarAsync(ct);
        return value is bool flag ? new HistorySettings(flag) : HistorySettings.Default;
    }

    public async Task SetSettingsAsync(string projectId, HistorySettings settings, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.Command(VersionSql.SaveSettings, projectId, settings.OwnersOnlyRestore).ExecuteNonQueryAsync(ct);
    }

    private static NotebookVersion Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), VersionKinds.Parse(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3),
        r.GetFieldValue<string[]>(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
}
