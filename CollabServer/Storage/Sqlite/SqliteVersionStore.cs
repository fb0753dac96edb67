using System.Text.Json;
using Collab.Server.History;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteVersionStore(SqliteDatabase db) : IVersionStore
{
    private static readonly string Columns = VersionSql.Columns("length");

    public async Task<NotebookVersion?> AddAsync(DocumentKey key, NewVersion version, bool onlyIfNewer, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // BEGIN IMMEDIATE (the default here): the write lock first, so the check and the insert are one step.
        await using var tx = connection.BeginTransaction();
        if (onlyIfNewer && await tx.Command(VersionSql.NewerExists,
                ("$1", key.ProjectId), ("$2", key.DocName), ("$3", version.Seq)).ExecuteScalarAsync(ct) is not null)
            return null;
        var authors = new SortedSet<string>(version.Authors, StringComparer.Ordinal);
        await using (var reader = await tx.Command(VersionSql.TakeNotedAuthors,
                         ("$1", key.ProjectId), ("$2", key.DocName)).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) authors.Add(reader.GetString(0));
        }
        NotebookVersion? added;
        await using (var reader = await tx.Command(VersionSql.Insert(Columns),
                         ("$1", key.ProjectId), ("$2", key.DocName), ("$3", version.CreatedAt.ToUnixTimeMilliseconds()),
                         ("$4", version.Kind.ToWire()), ("$5", version.Name), ("$6", JsonSerializer.Serialize(authors)),
                         ("$7", version.Seq), ("$8", version.StateBytes), ("$9", version.CompressedState))
                         .ExecuteReaderAsync(ct))
        {
            added = await reader.ReadAsync(ct) ? Read(reader) : null;
        }
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task NoteAuthorsAsync(DocumentKey key, IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        foreach (var user in userIds)
        {
            // A notebook deleted meanwhile has nothing to note: no row would ever clear it.
            await tx.Command("""
                INSERT INTO notebook_version_authors (project_id, doc_name, user_id)
                SELECT $p, $d, $u WHERE EXISTS (SELECT 1 FROM notebooks WHERE project_id = $p AND name = $d)
                ON CONFLICT DO NOTHING
                """,
                ("$p", key.ProjectId), ("$d", key.DocName), ("$u", user)).ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<NotebookVersion>> ListAsync(DocumentKey key, long? before, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(VersionSql.Page(Columns),
            ("$1", key.ProjectId), ("$2", key.DocName), ("$3", before ?? long.MaxValue), ("$4", limit)).ExecuteReaderAsync(ct);
        var list = new List<NotebookVersion>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    public async Task<NotebookVersion?> LatestAsync(DocumentKey key, CancellationToken ct = default) =>
        (await ListAsync(key, null, 1, ct)).FirstOrDefault();

    public async Task<StoredVersion?> GetAsync(DocumentKey key, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(VersionSql.Get(Columns),
            ("$1", key.ProjectId), ("$2", key.DocName), ("$3", id)).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredVersion(Read(reader), (byte[])reader.GetValue(8)) : null;
    }

    public async Task<IReadOnlyList<DocumentKey>> DocumentsAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(VersionSql.Documents).ExecuteReaderAsync(ct);
        var keys = new List<DocumentKey>();
        while (await reader.ReadAsync(ct)) keys.Add(new DocumentKey(reader.GetString(0), reader.GetString(1)));
        return keys;
    }

    public async Task<int> DeleteAsync(DocumentKey key, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return 0;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var deleted = 0;
        foreach (var id in ids)
        {
            deleted += await tx.Command("DELETE FROM notebook_versions WHERE project_id = $p AND doc_name = $d AND id = $id",
                ("$p", key.ProjectId), ("$d", key.DocName), ("$id", id)).ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return deleted;
    }

    public async Task<HistorySettings> GetSettingsAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var value = await connection.Command(VersionSql.Settings, ("$1", projectId)).ExecuteScalarAsync(ct);
        return value is long flag ? new HistorySettings(flag != 0) : HistorySettings.Default;
    }

    public async Task SetSettingsAsync(string projectId, HistorySettings settings, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command(VersionSql.SaveSettings, ("$1", projectId), ("$2", settings.OwnersOnlyRestore ? 1 : 0)).ExecuteNonQueryAsync(ct);
    }

    private static NotebookVersion Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.ReadTime(1), VersionKinds.Parse(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3),
        JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [], r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
}
