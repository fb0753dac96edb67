namespace Collab.Server.Storage;

/// <summary>
/// The statements both version stores (<c>SqliteVersionStore</c>, <c>PostgresVersionStore</c>) run
/// word for word. Parameters are positional (<c>$1</c>, <c>$2</c>, …): PostgreSQL numbers them,
/// SQLite takes <c>$1</c> as a parameter's name. What differs stays in each store: how a write is
/// serialised (BEGIN IMMEDIATE, an advisory lock), how authors and times are stored (JSON text and
/// Unix milliseconds, <c>text[]</c> and <c>timestamptz</c>), and batches (a loop, <c>unnest</c>/<c>ANY</c>).
/// </summary>
internal static class VersionSql
{
    /// <summary>A version's columns in the order both stores read them; <paramref name="byteLength"/> is the backend's byte-length function.</summary>
    public static string Columns(string byteLength) => $"id, created_at, kind, name, authors, seq, state_bytes, {byteLength}(state)";

    /// <summary>$1 project, $2 notebook, $3 seq: a row when a version at or after that seq exists.</summary>
    public const string NewerExists =
        "SELECT 1 FROM notebook_versions WHERE project_id = $1 AND doc_name = $2 AND seq >= $3 LIMIT 1";

    /// <summary>$1 project, $2 notebook: the authors noted since the last version, cleared as they are read.</summary>
    public const string TakeNotedAuthors =
        "DELETE FROM notebook_version_authors WHERE project_id = $1 AND doc_name = $2 RETURNING user_id";

    /// <summary>$1 project, $2 notebook, $3 created, $4 kind, $5 name, $6 authors, $7 seq, $8 state bytes, $9 compressed state.</summary>
    public static string Insert(string columns) => $"""
        INSERT INTO notebook_versions (project_id, doc_name, created_at, kind, name, authors, seq, state_bytes, state)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {columns}
        """;

    /// <summary>$1 project, $2 notebook, $3 before id, $4 limit: newest first.</summary>
    public static string Page(string columns) => $"""
        SELECT {columns} FROM notebook_versions
        WHERE project_id = $1 AND doc_name = $2 AND id < $3 ORDER BY id DESC LIMIT $4
        """;

    /// <summary>$1 project, $2 notebook, $3 id: the columns, then the compressed state.</summary>
    public static string Get(string columns) =>
        $"SELECT {columns}, state FROM notebook_versions WHERE project_id = $1 AND doc_name = $2 AND id = $3";

    public const string Documents = "SELECT DISTINCT project_id, doc_name FROM notebook_versions";

    /// <summary>$1 project.</summary>
    public const string Settings = "SELECT owners_only_restore FROM history_settings WHERE project_id = $1";

    /// <summary>$1 project, $2 owners-only restore.</summary>
    public const string SaveSettings = """
        INSERT INTO history_settings (project_id, owners_only_restore) VALUES ($1, $2)
        ON CONFLICT (project_id) DO UPDATE SET owners_only_restore = excluded.owners_only_restore
        """;
}
