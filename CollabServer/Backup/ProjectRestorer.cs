using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.Chat;
using Collab.Server.Projects;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup;

/// <summary>
/// Creates a project from a backup archive: the importer becomes its owner, the other members
/// get their roles back, notebooks get their exact CRDT state (or, when an archive has only the
/// .ipynb, a fresh one from it), chat messages are re-added in order with new ids (replies
/// re-linked, edits and tombstones kept; mention notifications are not re-sent). Everything is
/// checked before anything is written; a failure while writing removes the half-made project.
/// </summary>
public sealed class ProjectRestorer(
    IProjectStore projects, INotebookStore notebooks, IChatStore chat, ProjectService service, IOptions<BackupOptions> options)
{
    /// <summary>
    /// Restores the archive as <paramref name="projectId"/> (or the id it was backed up under).
    /// Null when that id is taken. Throws <see cref="InvalidDataException"/> for a bad archive.
    /// </summary>
    public async Task<BackupProject?> RestoreAsync(Stream archive, string importer, string? projectId, CancellationToken ct)
    {
        using var zip = OpenZip(archive);
        var manifest = Read<BackupManifest>(zip, BackupManifest.EntryName);
        if (manifest.Format != BackupManifest.FormatName || manifest.Version != BackupManifest.CurrentVersion)
            throw new InvalidDataException($"Not a {BackupManifest.FormatName} version {BackupManifest.CurrentVersion} archive.");
        var id = projectId ?? manifest.Project.Id;
        if (!ProjectNames.IsValidProjectId(id)) throw new InvalidDataException($"Project id '{id}' must be {ProjectNames.ProjectIdRule}.");
        var documents = manifest.Notebooks.Select(n => (n.Name, State: ReadNotebook(zip, n))).ToList();
        var members = manifest.Members.Select(ParseMember).ToList();
        var messages = Read<List<ChatMessage>>(zip, manifest.ChatEntry);

        var project = new BackupProject(id, manifest.Project.Name, manifest.Project.CreatedAt);
        if (!await projects.CreateAsync(new ProjectInfo(id, project.Name, project.CreatedAt), importer, ct)) return null;
        try
        {
            foreach (var (name, state) in documents) await notebooks.CreateAsync(new DocumentKey(id, name), state, ct);
            foreach (var (user, role) in members.Where(m => m.UserId != importer)) await projects.SetMemberAsync(id, user, role, ct);
            await RestoreChatAsync(id, messages, ct);
            await chat.SetSettingsAsync(id, manifest.ChatSettings, ct);
        }
        catch
        {
            await service.DeleteAsync(id, CancellationToken.None);
            throw;
        }
        return project;
    }

    private async Task RestoreChatAsync(string projectId, List<ChatMessage> messages, CancellationToken ct)
    {
        var newIds = new Dictionary<long, long>();
        foreach (var m in messages.OrderBy(m => m.Id))
        {
            var replyTo = m.ReplyTo is { } parent && newIds.TryGetValue(parent, out var mapped) ? mapped : (long?)null;
            var added = await chat.AddAsync(new NewChatMessage(projectId, m.Author, m.Body, m.CreatedAt, replyTo, m.Cell, m.State, m.Mentions), [], ct)
                ?? throw new InvalidDataException($"Chat message {m.Id} could not be restored.");
            newIds[m.Id] = added.Id;
            if (m.EditedAt is { } edited) await chat.EditAsync(projectId, added.Id, m.Body, m.Mentions, [], edited, ct);
            if (m.DeletedAt is { } deleted) await chat.DeleteAsync(projectId, added.Id, m.DeletedBy ?? m.Author, deleted, ct);
        }
    }

    private byte[] ReadNotebook(ZipArchive zip, BackupNotebook notebook)
    {
        if (!ProjectNames.IsValidDocName(notebook.Name))
            throw new InvalidDataException($"Notebook name '{notebook.Name}' must be {ProjectNames.DocNameRule}.");
        var doc = new Doc();
        if (zip.GetEntry(notebook.CrdtEntry) is not null)
        {
            var state = ReadBytes(zip, notebook.CrdtEntry);
            try { doc.ApplyUpdate(state); }
            catch (CrdtFormatException ex) { throw new InvalidDataException($"{notebook.CrdtEntry}: {ex.Message}"); }
            return state;
        }
        var ipynb = JsonNode.Parse(ReadBytes(zip, notebook.IpynbEntry)) as JsonObject
            ?? throw new InvalidDataException($"{notebook.IpynbEntry} is not a JSON object.");
        NotebookModel.Load(doc, ipynb);
        return doc.EncodeStateAsUpdate();
    }

    private static (string UserId, ProjectRole Role) ParseMember(BackupMember member) =>
        !string.IsNullOrWhiteSpace(member.UserId) && member.UserId.Length <= 256 && ProjectRoles.TryParse(member.Role, out var role)
            ? (member.UserId, role)
            : throw new InvalidDataException($"Member '{member.UserId}' with role '{member.Role}' is not valid.");

    private T Read<T>(ZipArchive zip, string entry)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ReadBytes(zip, entry), BackupJson.Options)
                ?? throw new InvalidDataException($"{entry} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{entry}: {ex.Message}");
        }
    }

    /// <summary>Reads an entry, refusing one that unpacks past the limit whatever its header claims.</summary>
    private byte[] ReadBytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The archive has no {name}.");
        var limit = options.Value.MaxArchiveBytes;
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit) throw new InvalidDataException($"{name} unpacks to more than Backup:MaxArchiveBytes ({limit} bytes).");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ZipArchive OpenZip(Stream archive)
    {
        try { return new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException ex) { throw new InvalidDataException($"Not a zip archive: {ex.Message}"); }
    }
}
