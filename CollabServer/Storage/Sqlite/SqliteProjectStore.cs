using Collab.Server.Auth;
using Collab.Server.Projects;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteProjectStore(SqliteDatabase db) : IProjectStore
{
    public async Task<bool> CreateAsync(ProjectInfo project, string ownerId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var inserted = await tx.Command(
            "INSERT INTO projects (id, name, created_at, incarnation) VALUES ($id, $name, $t, $i) ON CONFLICT DO NOTHING",
            ("$id", project.Id), ("$name", project.Name), ("$t", project.CreatedAt.ToUnixTimeMilliseconds()),
            ("$i", ProjectIncarnation.New())).ExecuteNonQueryAsync(ct);
        if (inserted == 0) return false;
        await tx.Command("INSERT INTO project_members (project_id, user_id, role) VALUES ($p, $u, 'owner')",
            ("$p", project.Id), ("$u", ownerId)).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<ProjectInfo?> GetAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command("SELECT id, name, created_at FROM projects WHERE id = $id",
            ("$id", projectId)).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ProjectInfo(reader.GetString(0), reader.GetString(1), reader.ReadTime(2)) : null;
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListForUserAsync(string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command("""
            SELECT p.id, p.name, p.created_at FROM projects p
            JOIN project_members m ON m.project_id = p.id WHERE m.user_id = $u ORDER BY p.id
            """, ("$u", userId)).ExecuteReaderAsync(ct);
        var list = new List<ProjectInfo>();
        while (await reader.ReadAsync(ct)) list.Add(new ProjectInfo(reader.GetString(0), reader.GetString(1), reader.ReadTime(2)));
        return list;
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListAllAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command("SELECT id, name, created_at FROM projects ORDER BY id").ExecuteReaderAsync(ct);
        var list = new List<ProjectInfo>();
        while (await reader.ReadAsync(ct)) list.Add(new ProjectInfo(reader.GetString(0), reader.GetString(1), reader.ReadTime(2)));
        return list;
    }

    public async Task<bool> DeleteAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        foreach (var sql in new[]
        {
            "DELETE FROM doc_updates WHERE project_id = $p",
            "DELETE FROM doc_snapshot_parts WHERE snapshot_id IN (SELECT snapshot_id FROM doc_snapshots WHERE project_id = $p)",
            "DELETE FROM doc_snapshots WHERE project_id = $p",
            "DELETE FROM notebooks WHERE project_id = $p",
            "DELETE FROM project_members WHERE project_id = $p",
        })
        {
            await tx.Command(sql, ("$p", projectId)).ExecuteNonQueryAsync(ct);
        }
        var deleted = await tx.Command("DELETE FROM projects WHERE id = $p", ("$p", projectId)).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        db.LogsRemoved();
        return deleted > 0;
    }

    public async Task<ProjectRole?> GetRoleAsync(string projectId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var role = await connection.Command("SELECT role FROM project_members WHERE project_id = $p AND user_id = $u",
            ("$p", projectId), ("$u", userId)).ExecuteScalarAsync(ct) as string;
        return role is null ? null : ProjectRoles.Parse(role);
    }

    public async Task<IReadOnlyList<ProjectMember>> ListMembersAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(
            "SELECT user_id, role FROM project_members WHERE project_id = $p ORDER BY user_id", ("$p", projectId)).ExecuteReaderAsync(ct);
        var list = new List<ProjectMember>();
        while (await reader.ReadAsync(ct)) list.Add(new ProjectMember(reader.GetString(0), ProjectRoles.Parse(reader.GetString(1))));
        return list;
    }

    public async Task SetMemberAsync(string projectId, string userId, ProjectRole role, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            INSERT INTO project_members (project_id, user_id, role) VALUES ($p, $u, $r)
            ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role
            """, ("$p", projectId), ("$u", userId), ("$r", role.ToWire())).ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> RemoveMemberAsync(string projectId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.Command("DELETE FROM project_members WHERE project_id = $p AND user_id = $u",
            ("$p", projectId), ("$u", userId)).ExecuteNonQueryAsync(ct) > 0;
    }
}
