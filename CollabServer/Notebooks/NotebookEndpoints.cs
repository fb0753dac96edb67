using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Server.Audit;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.History;
using Collab.Server.Limits;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Collab.Server.Notebooks;

public static class NotebookEndpoints
{
    private const string IpynbMediaType = "application/x-ipynb+json";

    /// <summary>
    /// <c>/api/projects/{projectId}/notebooks</c>: list and export (any member); create, import
    /// into the live room, rename and delete (editor).
    /// </summary>
    public static IEndpointRouteBuilder MapNotebookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{projectId}/notebooks").RequireAuthorization().WithTags("Notebooks");

        group.MapGet("/", async (string projectId, NotebookService notebooks, CancellationToken ct) =>
            TypedResults.Ok(await notebooks.ListAsync(projectId, ct)))
            .RequireProjectRole(ProjectRole.Viewer)
            .WithSummary("List the project's notebooks");

        group.MapPost("/", async Task<Results<Created<NotebookInfo>, ProblemHttpResult>> (
            string projectId, CreateNotebookRequest request, NotebookService notebooks, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            if (!ProjectNames.IsValidDocName(request.Name))
                return TypedResults.Problem($"'name' must be {ProjectNames.DocNameRule}.", statusCode: 400);
            try
            {
                if (!await notebooks.CreateAsync(new DocumentKey(projectId, request.Name), request.Content, ct))
                    return TypedResults.Problem($"A notebook named '{request.Name}' already exists.", statusCode: 409);
            }
            catch (InvalidDataException ex)
            {
                return TypedResults.Problem($"Not a valid notebook: {ex.Message}", statusCode: 400);
            }
            catch (LimitExceededException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: 413);
            }
            await audit.RecordAsync(http, projectId, AuditActions.NotebookCreate, request.Name, request.Content is null ? null : "with content");
            return TypedResults.Created($"/api/projects/{projectId}/notebooks/{Uri.EscapeDataString(request.Name)}",
                new NotebookInfo(request.Name, DateTimeOffset.UtcNow));
        }).RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Create a notebook")
            .WithDescription("Empty, or from `content` (an .ipynb as JSON). 409 when the name is taken, 413 past the notebook limits.");

        group.MapDelete("/{name}", async Task<Results<NoContent, ProblemHttpResult>> (
            string projectId, string name, NotebookService notebooks, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            if (!await notebooks.DeleteAsync(new DocumentKey(projectId, name), ct)) return Refusals.Problem(http, ErrorCode.NotFound, NotebookNotFound(name));
            await audit.RecordAsync(http, projectId, AuditActions.NotebookDelete, name);
            return TypedResults.NoContent();
        })
            .RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Delete a notebook");

        group.MapPost("/{name}/rename", async Task<Results<Ok<NotebookInfo>, ProblemHttpResult>> (
            string projectId, string name, RenameNotebookRequest request, NotebookService notebooks, AuditTrail audit, HttpContext http,
            CancellationToken ct) =>
        {
            if (!ProjectNames.IsValidDocName(request.Name))
                return TypedResults.Problem($"'name' must be {ProjectNames.DocNameRule}.", statusCode: 400);
            switch (await notebooks.RenameAsync(new DocumentKey(projectId, name), new DocumentKey(projectId, request.Name), ct))
            {
                case NotebookRenameResult.NotFound: return Refusals.Problem(http, ErrorCode.NotFound, NotebookNotFound(name));
                case NotebookRenameResult.NameTaken:
                    return TypedResults.Problem($"A notebook named '{request.Name}' already exists.", statusCode: 409);
            }
            await audit.RecordAsync(http, projectId, AuditActions.NotebookRename, name, request.Name);
            return TypedResults.Ok(new NotebookInfo(request.Name, DateTimeOffset.UtcNow));
        }).RequireProjectRole(ProjectRole.Editor)
            .WithSummary("Rename a notebook")
            .WithDescription("Open editors follow the notebook to its new name. 409 when the new name is taken.");

        group.MapPost("/{name}/import", async Task<Results<NoContent, ProblemHttpResult>> (
            string projectId, string name, NotebookService notebooks, INotebookStore store, HistoryService history, AuditTrail audit,
            HttpContext http, IOptions<LimitOptions> limits, IOptions<NotebookOptions> options, CancellationToken ct) =>
        {
            var key = new DocumentKey(projectId, name);
            if (!await store.ExistsAsync(key, ct)) return Refusals.Problem(http, ErrorCode.NotFound, NotebookNotFound(name));
            try
            {
                var ipynb = await ReadIpynbAsync(http.Request, limits.Value.MaxDocumentBytes, options.Value, ct);
                // What the import replaces stays restorable.
                await history.KeepBeforeImportAsync(key, ct);
                await notebooks.ImportAsync(key, ipynb);
            }
            catch (InvalidDataException ex)
            {
                return TypedResults.Problem($"Not a valid notebook: {ex.Message}", statusCode: 400);
            }
            catch (Exception ex) when (ex is LimitExceededException or UpdateRejectedException)
            {
                return TypedResults.Problem(ex.Message, statusCode: 413);
            }
            await audit.RecordAsync(http, projectId, AuditActions.NotebookImport, name);
            return TypedResults.NoContent();
        }).RequireProjectRole(ProjectRole.Editor).Accepts<JsonObject>("application/json")
            .WithSummary("Import an .ipynb into a notebook")
            .WithDescription("Replaces the live notebook's content with the body's, as one change every open editor sees. The notebook must exist (create it first). 413 past `Limits:MaxDocumentBytes` or the notebook limits.");

        group.MapGet("/{name}/export", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
            string projectId, string name, NotebookService notebooks, INotebookStore store, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var key = new DocumentKey(projectId, name);
            if (!await store.ExistsAsync(key, ct)) return Refusals.Problem(http, ErrorCode.NotFound, NotebookNotFound(name));
            var ipynb = await notebooks.ExportAsync(key);
            await audit.RecordAsync(http, projectId, AuditActions.NotebookExport, name);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            return TypedResults.Text(ipynb.ToJsonString(), IpynbMediaType);
        }).RequireProjectRole(ProjectRole.Viewer).Produces<JsonObject>(200, IpynbMediaType)
            .WithSummary("Export a notebook as .ipynb")
            .WithDescription("The live notebook, outputs included, as an attachment.");

        return app;
    }

    private static string NotebookNotFound(string name) =>
        $"No notebook named '{name}' in this project. List them with GET /api/projects/{{projectId}}/notebooks; create one with POST there.";

    /// <summary>The body as a JSON object, read no further than <c>Limits:MaxDocumentBytes</c>, its cells counted before it is parsed.</summary>
    private static async Task<JsonObject> ReadIpynbAsync(HttpRequest request, long maxBytes, NotebookOptions options, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await RequestBodies.CopyToAsync(request, body, maxBytes, "Limits:MaxDocumentBytes", ct);
        var json = body.GetBuffer().AsMemory(0, (int)body.Length);
        NotebookParts.CheckCells(json.Span, options);
        try
        {
            return JsonNode.Parse(json.Span) as JsonObject ?? throw new InvalidDataException("The body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(ex.Message);
        }
    }
}
