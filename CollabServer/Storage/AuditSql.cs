namespace Collab.Server.Storage;

/// <summary>
/// The statements both audit stores (<c>SqliteAuditStore</c>, <c>PostgresAuditStore</c>) run word
/// for word, with positional parameters as in <see cref="VersionSql"/>. How a time is stored
/// (Unix milliseconds, <c>timestamptz</c>) and read back stays in each store.
/// </summary>
internal static class AuditSql
{
    private const string Columns = "id, project_id, at, actor, action, target, detail";

    /// <summary>
    /// $1 project, $2 time, $3 actor, $4 action, $5 target, $6 detail, $7 once-key: the entry as
    /// stored, or no row when an entry with the same once-key exists.
    /// </summary>
    public const string Append = $"""
        INSERT INTO audit_log (project_id, at, actor, action, target, detail, once_key, incarnation)
        VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT incarnation FROM projects WHERE id = $1))
        ON CONFLICT DO NOTHING RETURNING {Columns}
        """;

    /// <summary>$1 project, $2 before id, $3 limit: the project's current entries, newest first.</summary>
    public const string Page = $"""
        SELECT {Columns} FROM audit_log
        WHERE project_id = $1 AND incarnation = (SELECT incarnation FROM projects WHERE id = $1) AND id < $2
        ORDER BY id DESC LIMIT $3
        """;
}
