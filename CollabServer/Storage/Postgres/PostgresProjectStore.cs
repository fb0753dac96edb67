using Collab.Server.Auth;
using Collab.Server.Projects;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresProjectStore(NpgsqlDataSource db) : IProjectStore
{
    public async Task<bool> CreateAsync(ProjectInfo project, string ownerId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var inserted = await tx.Command(
            "INSERT INTO projects (id, name, created_at, incarnation) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            project.Id, project.Name, project.CreatedAt, ProjectIncarnation.New()).ExecuteNonQueryAsync(ct);
        if (inserted == 0) return false;
        await tx.Command("INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')",
            project.Id, ownerId).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<ProjectInfo?> GetAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command("SELECT id, name, created_at FROM projects WHERE id = $1",
            projectId).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListForUserAsync(string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command("""
            SELECT p.id, p.name, p.created_at FROM projects p
            JOIN project_members m ON m.project_id = p.id WHERE m.user_id = $1 ORDER BY p.id
            """, userId).ExecuteReaderAsync(ct);
        var list = new List<ProjectInfo>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListAllAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command("SELECT id, name, created_at FROM projects ORDER BY id").ExecuteReaderAsync(ct);
        var list = new List<ProjectInfo>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    public async Task<bool> DeleteAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await tx.Command("DELETE FROM doc_updates WHERE project_id = $1", projectId).ExecuteNonQueryAsync(ct);
        await tx.Command("DELETE FROM doc_snapshots WHERE project_id = $1", projectId).ExecuteNonQueryAsync(ct);
        // Members and notebooks go with the project (ON DELETE CASCADE).
        var deleted = await tx.Command("DELETE FROM projects WHERE id = $1", projectId).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return deleted > 0;
    }

    public async Task<ProjectRole?> GetRoleAsync(string projectId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var role = await connection.Command("SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2",
            projectId, userId).ExecuteScalarAsync(ct) as string;
        return role is null ? null : ProjectRoles.Parse(role);
    }

    public async Task<IReadOnlyList<ProjectMember>> ListMembersAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command(
            "SELECT user_id, role FROM project_members WHERE project_id = $1 ORDER BY user_id", projectId).ExecuteReaderAsync(ct);
        var list = new List<ProjectMember>();
        while (await reader.ReadAsync(ct)) list.Add(new ProjectMember(reader.GetString(0), ProjectRoles.Parse(reader.GetString(1))));
        return list;
    }

    public async Task SetMemberAsync(string projectId, string userId, ProjectRole role, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.Command("""
            INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)
            ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role
            """, projectId, userId, role.ToWire()).ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> RemoveMemberAsync(string projectId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.Command("DELETE FROM project_members WHERE project_id = $1 AND user_id = $2",
            projectId, userId).ExecuteNonQueryAsync(ct) > 0;
    }

    private static ProjectInfo Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
}
