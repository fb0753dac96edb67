using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.Auth;
using Collab.Server.Chat;
using Collab.Server.Limits;
using Collab.Server.Notebooks;
using Collab.Server.Projects;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup;

/// <summary>
/// Creates a project from a backup archive. The importer becomes its owner. Only an archive this
/// deployment signed (<see cref="BackupSigner"/>), imported by someone it lists as an owner, brings
/// back the other members and chat authors; from any other (or imported by anyone else: a signed
/// archive handed to a stranger must not make them act for its members), the importer is the sole
/// member and authors come back as labels (<see cref="BackupChatReader"/>). A manifest whose signature does not verify is imported as
/// unsigned; an entry that does not match a verified manifest is refused. Notebooks get their exact
/// CRDT state (or, when an archive has only the .ipynb, a fresh one from it), chat messages are
/// re-added in order with new ids (replies re-linked, edits and tombstones kept; mention
/// notifications are not re-sent). Entries are read one at a time under the archive limits
/// (<see cref="BackupArchive"/>); a refusal part-way removes the half-made project.
/// </summary>
public sealed class ProjectRestorer(
    IProjectStore projects, INotebookStore notebooks, IChatStore chat, ProjectService service, BackupSigner signer,
    IOptions<BackupOptions> options, IOptions<LimitOptions> limits, IOptions<NotebookOptions> notebookLimits, IOptions<ChatOptions> chatLimits)
{
    private const int MaxSignatureBytes = 1024;

    /// <summary>
    /// Restores the archive as <paramref name="projectId"/> (or the id it was backed up under). Null
    /// when that id is taken. Throws <see cref="InvalidDataException"/> for a bad archive,
    /// <see cref="LimitExceededException"/> for one over a limit.
    /// </summary>
    public async Task<BackupProject?> RestoreAsync(Stream archive, string importer, string? projectId, CancellationToken ct)
    {
        using var zip = BackupArchive.Open(archive, options.Value, limits.Value.MaxDocumentBytes);
        var manifestBytes = zip.ReadAllBytes(BackupManifest.EntryName);
        var manifest = BackupManifestCheck.Parse(manifestBytes);
        var signed = manifest.Digests is not null && IsSigned(zip, manifestBytes);
        if (signed) zip.RequireDigests(manifest.Digests!);
        var restoresMembers = signed && manifest.Members.Any(m => m.UserId == importer && ProjectRoles.TryParse(m.Role, out var role) && role == ProjectRole.Owner);
        var id = projectId ?? manifest.Project.Id;
        if (!ProjectNames.IsValidProjectId(id)) throw new InvalidDataException($"Project id '{id}' must be {ProjectNames.ProjectIdRule}.");
        if (!zip.Has(manifest.ChatEntry)) throw new InvalidDataException($"The archive has no {manifest.ChatEntry}.");

        var name = string.IsNullOrWhiteSpace(manifest.Project.Name) ? id : manifest.Project.Name.Trim();
        var project = new BackupProject(id, name, manifest.Project.CreatedAt);
        if (!await projects.CreateAsync(new ProjectInfo(id, project.Name, project.CreatedAt), importer, ct)) return null;
        try
        {
            foreach (var notebook in manifest.Notebooks)
                await notebooks.CreateAsync(new DocumentKey(id, notebook.Name), ReadNotebook(zip, notebook), ct);
            if (restoresMembers)
                foreach (var member in manifest.Members.Where(m => m.UserId != importer))
                    await projects.SetMemberAsync(id, member.UserId, ProjectRoles.Parse(member.Role), ct);
            await using (var entry = zip.Open(manifest.ChatEntry))
                await RestoreChatAsync(id, BackupChatReader.ReadAsync(entry, restoresMembers, importer, chatLimits.Value, ct), ct);
            await chat.SetSettingsAsync(id, manifest.ChatSettings, ct);
        }
        catch
        {
            await service.DeleteAsync(id, CancellationToken.None);
            throw;
        }
        return project;
    }

    private bool IsSigned(BackupArchive zip, byte[] manifest)
    {
        if (!zip.Has(BackupManifest.SignatureEntryName)) return false;
        var signature = zip.ReadAllBytes(BackupManifest.SignatureEntryName);
        return signature.Length <= MaxSignatureBytes && signer.Verifies(manifest, System.Text.Encoding.ASCII.GetString(signature));
    }

    private async Task RestoreChatAsync(string projectId, IAsyncEnumerable<ChatMessage> messages, CancellationToken ct)
    {
        var newIds = new Dictionary<long, long>();
        await foreach (var m in messages)
        {
            var replyTo = m.ReplyTo is { } parent && newIds.TryGetValue(parent, out var mapped) ? mapped : (long?)null;
            var added = await chat.AddAsync(new NewChatMessage(projectId, m.Author, m.Body, m.CreatedAt, replyTo, m.Cell, m.State, m.Mentions), [], ct)
                ?? throw new InvalidDataException($"Chat message {m.Id} could not be restored.");
            newIds[m.Id] = added.Id;
            if (m.EditedAt is { } edited) await chat.EditAsync(projectId, added.Id, m.Body, m.Mentions, [], edited, ct);
            if (m.DeletedAt is { } deleted) await chat.DeleteAsync(projectId, added.Id, m.DeletedBy ?? m.Author, deleted, ct);
        }
    }

    /// <summary>The notebook's CRDT state, checked to be a valid update within the document limits.</summary>
    private byte[] ReadNotebook(BackupArchive zip, BackupNotebook notebook)
    {
        var doc = new Doc();
        if (zip.Has(notebook.CrdtEntry))
        {
            var state = zip.ReadAllBytes(notebook.CrdtEntry);
            try { doc.ApplyUpdate(state); }
            catch (CrdtFormatException ex) { throw new InvalidDataException($"{notebook.CrdtEntry}: {ex.Message}"); }
            return state;
        }
        JsonObject ipynb;
        try
        {
            ipynb = JsonNode.Parse(zip.ReadAllBytes(notebook.IpynbEntry)) as JsonObject
                ?? throw new InvalidDataException($"{notebook.IpynbEntry} is not a JSON object.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{notebook.IpynbEntry}: {ex.Message}");
        }
        NotebookParts.Check(ipynb, notebookLimits.Value);
        NotebookModel.Load(doc, ipynb);
        var built = doc.EncodeStateAsUpdate();
        var max = limits.Value.MaxDocumentBytes;
        return built.Length <= max ? built : throw new LimitExceededException($"{notebook.IpynbEntry} is over Limits:MaxDocumentBytes ({max} bytes).");
    }
}
