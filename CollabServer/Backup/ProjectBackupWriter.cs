using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Server.Auth;
using Collab.Server.Chat;
using Collab.Server.Notebooks;
using Collab.Server.Projects;
using Collab.Server.Storage;

namespace Collab.Server.Backup;

/// <summary>
/// Writes a whole project as one zip: <c>manifest.json</c> (project, members, chat settings,
/// notebook list), <c>notebooks/NAME</c> (.ipynb), <c>crdt/NAME.yjs</c> (CRDT state) and
/// <c>chat/messages.json</c> (every message, tombstones included, oldest first), and last
/// <c>manifest.sig</c>, the signature that lets an import of this archive restore members and chat
/// authors. Notebooks are read through their live rooms, so edits not yet folded into a snapshot are included.
/// </summary>
public sealed class ProjectBackupWriter(IProjectStore projects, INotebookStore notebooks, IChatStore chat, NotebookService notebookExport, BackupSigner signer)
{
    private const string ChatEntry = "chat/messages.json";
    private const int ChatPageSize = 500;

    /// <summary>Writes the backup of an existing project to <paramref name="output"/>.</summary>
    public async Task WriteAsync(string projectId, string exportedBy, Stream output, CancellationToken ct)
    {
        var project = await projects.GetAsync(projectId, ct) ?? throw new InvalidOperationException($"Project '{projectId}' does not exist.");
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entries = new List<BackupNotebook>();
        var digests = new Dictionary<string, string>();
        foreach (var notebook in await notebooks.ListAsync(projectId, ct))
        {
            var key = new DocumentKey(projectId, notebook.Name);
            var (ipynb, state) = await notebookExport.ExportWithStateAsync(key, withState: true);
            var entry = new BackupNotebook(notebook.Name, notebook.CreatedAt, $"notebooks/{notebook.Name}", $"crdt/{notebook.Name}.yjs");
            await WriteAsync(zip, entry.IpynbEntry, JsonSerializer.SerializeToUtf8Bytes<JsonNode>(ipynb, BackupJson.Options), digests, ct);
            await WriteAsync(zip, entry.CrdtEntry, state!, digests, ct);
            entries.Add(entry);
        }
        await WriteChatAsync(zip, projectId, digests, ct);
        var members = (await projects.ListMembersAsync(projectId, ct)).Select(m => new BackupMember(m.UserId, m.Role.ToWire())).ToList();
        var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, DateTimeOffset.UtcNow, exportedBy,
            new BackupProject(project.Id, project.Name, project.CreatedAt), entries, members,
            await chat.GetSettingsAsync(projectId, ct), ChatEntry, digests);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, BackupJson.Options);
        await WriteAsync(zip, BackupManifest.EntryName, manifestBytes, ct);
        await WriteAsync(zip, BackupManifest.SignatureEntryName, System.Text.Encoding.ASCII.GetBytes(signer.Sign(manifestBytes)), ct);
    }

    /// <summary>
    /// The chat as one JSON array, oldest first, written a page at a time as it is read: a long chat
    /// costs one page of memory, not the whole history.
    /// </summary>
    private async Task WriteChatAsync(ZipArchive zip, string projectId, Dictionary<string, string> digests, CancellationToken ct)
    {
        await using var stream = zip.CreateEntry(ChatEntry, CompressionLevel.Optimal).Open();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = BackupJson.Options.WriteIndented, Encoder = BackupJson.Options.Encoder });
        async Task DrainAsync()
        {
            await json.FlushAsync(ct);
            digest.AppendData(buffer.WrittenSpan);
            await stream.WriteAsync(buffer.WrittenMemory, ct);
            buffer.ResetWrittenCount();
        }
        json.WriteStartArray();
        long after = 0;
        while (true)
        {
            var page = await chat.ListAfterAsync(projectId, after, ChatPageSize, ct);
            foreach (var message in page) JsonSerializer.Serialize(json, message, BackupJson.Options);
            await DrainAsync();
            if (page.Count < ChatPageSize) break;
            after = page[^1].Id;
        }
        json.WriteEndArray();
        await DrainAsync();
        digests[ChatEntry] = Convert.ToHexStringLower(digest.GetHashAndReset());
    }

    private static Task WriteAsync(ZipArchive zip, string name, byte[] content, Dictionary<string, string> digests, CancellationToken ct)
    {
        digests[name] = Convert.ToHexStringLower(SHA256.HashData(content));
        return WriteAsync(zip, name, content, ct);
    }

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] content, CancellationToken ct)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await stream.WriteAsync(content, ct);
    }
}
