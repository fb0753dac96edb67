using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Limits;
using Collab.Server.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup;

public static class BackupEndpoints
{
    private const string ZipMediaType = "application/zip";

    /// <summary>
    /// <c>GET /api/projects/{projectId}/backup</c> (owners): the project as one zip.
    /// <c>POST /api/projects/import[?projectId=new-id]</c> (any signed-in user; body: that zip):
    /// creates the project with the caller as owner (and the other members only when this
    /// deployment signed the archive). 413 names the limit an archive is over; 400 says what is malformed.
    /// </summary>
    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").RequireAuthorization().WithTags("Backup");

        group.MapGet("/{projectId}/backup", async (string projectId, HttpContext http, ProjectAccess access,
            ProjectBackupWriter writer, AuditTrail audit, CancellationToken ct) =>
        {
            // Staged in a temp file: a project may be larger than memory should hold, and the zip writer is synchronous.
            var file = TempFile();
            try
            {
                await writer.WriteAsync(projectId, access.UserId(http.User)!, file, ct);
                file.Position = 0;
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
            await audit.RecordAsync(http, projectId, AuditActions.ProjectBackup, detail: $"{file.Length} bytes");
            return TypedResults.File(file, ZipMediaType, $"{projectId}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.zip");
        }).RequireProjectRole(ProjectRole.Owner).Produces(200, contentType: ZipMediaType)
            .WithSummary("Download the project as a backup zip")
            .WithDescription("Owners only: notebooks, chat and members in one archive, signed by this deployment.");

        group.MapPost("/import", async Task<Results<Created<ProjectSummary>, ProblemHttpResult>> (
            string? projectId, HttpContext http, ProjectAccess access, ProjectRestorer restorer, AuditTrail audit,
            IOptions<BackupOptions> options, CancellationToken ct) =>
        {
            await using var file = TempFile();
            var importer = access.UserId(http.User)!;
            BackupProject? restored;
            try
            {
                await RequestBodies.CopyToAsync(http.Request, file, options.Value.MaxArchiveBytes, "Backup:MaxArchiveBytes", ct);
                file.Position = 0;
                restored = await restorer.RestoreAsync(file, importer, projectId, ct);
            }
            catch (LimitExceededException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: 413);
            }
            catch (InvalidDataException ex)
            {
                return TypedResults.Problem($"Not a valid backup: {ex.Message}", statusCode: 400);
            }
            if (restored is null)
                return TypedResults.Problem("A project with that id already exists; import under another id with ?projectId=.", statusCode: 409);
            await audit.RecordAsync(http, restored.Id, AuditActions.ProjectImport, detail: $"{file.Length} bytes");
            return TypedResults.Created($"/api/projects/{restored.Id}",
                new ProjectSummary(restored.Id, restored.Name, restored.CreatedAt, ProjectRole.Owner.ToWire()));
        }).Accepts<Stream>(ZipMediaType)
            .WithSummary("Restore a project from a backup zip")
            .WithDescription("Any signed-in user; the caller becomes owner (other members come along only when this deployment signed the archive). `projectId=` imports under a new id. 413 names the limit an archive is over (`Backup:MaxArchiveBytes`), 400 says what is malformed, 409 when the id is taken.");

        return app;
    }

    private static FileStream TempFile() => new(Path.Combine(Path.GetTempPath(), $"collab-backup-{Guid.NewGuid():N}.zip"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
