using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteStoreMaintenance(SqliteDatabase db) : IStoreMaintenance
{
    public string Backend => "sqlite";

    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // WAL is a property of the file, so setting it once here covers every later connection.
        // Small pages: under load a commit rewrites one log page per document it appends to, so the
        // page size is the write volume per append (it applies when the file is created).
        await connection.Command("PRAGMA page_size=1024; PRAGMA journal_mode=WAL;").ExecuteNonQueryAsync(ct);
        await SetAsideRowidLogAsync(connection, ct);
        await SetAsideWholeSnapshotsAsync(connection, ct);
        await connection.Command("""
            CREATE TABLE IF NOT EXISTS projects (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                incarnation TEXT);
            CREATE TABLE IF NOT EXISTS project_members (
                project_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('viewer','editor','owner')),
                PRIMARY KEY (project_id, user_id));
            CREATE INDEX IF NOT EXISTS project_members_user ON project_members(user_id);
            CREATE TABLE IF NOT EXISTS notebooks (
                project_id TEXT NOT NULL,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (project_id, name));
            CREATE TABLE IF NOT EXISTS doc_updates (
                project_id TEXT NOT NULL,
                doc_name TEXT NOT NULL,
                seq INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (project_id, doc_name, seq)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS doc_snapshots (
                project_id TEXT NOT NULL,
                doc_name TEXT NOT NULL,
                upto_seq INTEGER NOT NULL,
                snapshot_id INTEGER NOT NULL,
                PRIMARY KEY (project_id, doc_name));
            CREATE TABLE IF NOT EXISTS doc_snapshot_parts (
                snapshot_id INTEGER NOT NULL,
                part INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (snapshot_id, part));
            """).ExecuteNonQueryAsync(ct);
        await MoveRowidLogAsync(connection, ct);
        await MoveWholeSnapshotsAsync(connection, ct);
        await RemoveOrphanSnapshotPartsAsync(connection, ct);
        await AddProjectIncarnationAsync(connection, ct);
    }

    /// <summary>
    /// Projects made before incarnations existed get one. It tells a project from an earlier one
    /// with the same id (deleted, then created again), whose audit entries must stay out of sight.
    /// </summary>
    private static async Task AddProjectIncarnationAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (await connection.Command("SELECT 1 FROM pragma_table_info('projects') WHERE name = 'incarnation'").ExecuteScalarAsync(ct) is null)
            await connection.Command("ALTER TABLE projects ADD COLUMN incarnation TEXT").ExecuteNonQueryAsync(ct);
        await connection.Command("UPDATE projects SET incarnation = lower(hex(randomblob(16))) WHERE incarnation IS NULL").ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Earlier versions kept the log in a rowid table (global seq) with an index by document. Rows
    /// of all documents interleaved there, so every append wrote an index page besides the table's
    /// and every compaction rewrote a page per deleted entry. The log is now clustered by document:
    /// one page per document per commit. The old table is renamed before the schema is created and
    /// its entries move after (<see cref="MoveRowidLogAsync"/>), keeping their seqs.
    /// </summary>
    private static async Task SetAsideRowidLogAsync(SqliteConnection connection, CancellationToken ct)
    {
        var sql = (string?)await connection.Command(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'").ExecuteScalarAsync(ct);
        if (sql is null || sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase)) return;
        await connection.Command("""
            ALTER TABLE doc_updates RENAME TO doc_updates_rowid;
            DROP INDEX IF EXISTS doc_updates_doc;
            """).ExecuteNonQueryAsync(ct);
    }

    /// <summary>Also finishes a move that a crash interrupted: the set-aside table stays until its entries moved.</summary>
    private static async Task MoveRowidLogAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (await connection.Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates_rowid'")
                .ExecuteScalarAsync(ct) is null) return;
        await using var tx = connection.BeginTransaction();
        await tx.Command("""
            INSERT OR IGNORE INTO doc_updates (project_id, doc_name, seq, data)
                SELECT project_id, doc_name, seq, data FROM doc_updates_rowid;
            DROP TABLE doc_updates_rowid;
            """).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Earlier versions kept each snapshot as one blob in <c>doc_snapshots</c>, written in one
    /// commit by the writer that also commits every append: on a 10 MB notebook that commit held
    /// the appends of every room for up to a second and more. Snapshots are now written in parts
    /// (<see cref="SqliteSnapshotWriter"/>) and <c>doc_snapshots</c> only says which one is current.
    /// The old table is set aside before the schema is created and its snapshots become one-part
    /// snapshots after (<see cref="MoveWholeSnapshotsAsync"/>).
    /// </summary>
    private static async Task SetAsideWholeSnapshotsAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (await connection.Command("SELECT 1 FROM pragma_table_info('doc_snapshots') WHERE name = 'data'")
                .ExecuteScalarAsync(ct) is null) return;
        await connection.Command("ALTER TABLE doc_snapshots RENAME TO doc_snapshots_whole").ExecuteNonQueryAsync(ct);
    }

    /// <summary>Also finishes a move that a crash interrupted: the set-aside table stays until its snapshots moved.</summary>
    private static async Task MoveWholeSnapshotsAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (await connection.Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_snapshots_whole'")
                .ExecuteScalarAsync(ct) is null) return;
        await using var tx = connection.BeginTransaction();
        // The old rowid names each snapshot: new ones get random ids, so a collision is not a concern.
        await tx.Command("""
            INSERT OR IGNORE INTO doc_snapshot_parts (snapshot_id, part, data)
                SELECT rowid, 0, data FROM doc_snapshots_whole;
            INSERT OR IGNORE INTO doc_snapshots (project_id, doc_name, upto_seq, snapshot_id)
                SELECT project_id, doc_name, upto_seq, rowid FROM doc_snapshots_whole;
            DROP TABLE doc_snapshots_whole;
            """).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// What a compaction cut short by a crash left: parts of a snapshot that never became current
    /// and parts of a replaced one not yet deleted. (Log entries the current snapshot covers may
    /// be left too: loads skip them and the document's next compaction deletes them.) Should this
    /// run beside a live writer (a CLI command on the same file), deleting the parts of a snapshot
    /// still being written only makes that compaction give up: the writer switches to a snapshot
    /// only when all its parts are there.
    /// </summary>
    private static async Task RemoveOrphanSnapshotPartsAsync(SqliteConnection connection, CancellationToken ct) =>
        await connection.Command(
            "DELETE FROM doc_snapshot_parts WHERE snapshot_id NOT IN (SELECT snapshot_id FROM doc_snapshots)").ExecuteNonQueryAsync(ct);

    public async Task PingAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("SELECT 1").ExecuteScalarAsync(ct);
    }
}
