using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;

namespace Collab.Server.Tests.Operations;

/// <summary>Hand-made backup archives, as an attacker (or a hand edit) would write them.</summary>
public sealed class BackupArchiveBuilder
{
    private readonly List<(string Name, byte[] Content, CompressionLevel Level)> _entries = new();
    private readonly Dictionary<string, long> _zeros = new();

    public BackupArchiveBuilder Add(string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        _entries.Add((name, content, level));
        return this;
    }

    public BackupArchiveBuilder Add(string name, string content) => Add(name, Encoding.UTF8.GetBytes(content));

    public BackupArchiveBuilder Add(string name, JsonNode content) => Add(name, content.ToJsonString());

    /// <summary>An entry that unpacks to <paramref name="bytes"/> zeros, written without holding them in memory.</summary>
    public BackupArchiveBuilder AddZeros(string name, long bytes)
    {
        _entries.Add((name, [], CompressionLevel.SmallestSize));
        _zeros[name] = bytes;
        return this;
    }

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in _entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                if (_zeros.TryGetValue(name, out var zeros))
                {
                    var chunk = new byte[1 << 20];
                    for (var left = zeros; left > 0; left -= chunk.Length) stream.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                }
                else stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A manifest in the backup format; callers replace or null out fields to forge or break it.</summary>
    public static JsonObject Manifest(string projectId, JsonArray notebooks, JsonArray? members = null, string chatEntry = "chat/messages.json") => new()
    {
        ["format"] = "collab-project-backup",
        ["version"] = 1,
        ["exportedAt"] = "2026-01-01T00:00:00+00:00",
        ["exportedBy"] = "someone",
        ["project"] = new JsonObject { ["id"] = projectId, ["name"] = projectId, ["createdAt"] = "2026-01-01T00:00:00+00:00" },
        ["notebooks"] = notebooks,
        ["members"] = members ?? new JsonArray(),
        ["chatSettings"] = new JsonObject { ["viewersCanPost"] = true },
        ["chatEntry"] = chatEntry,
    };

    public static JsonObject Notebook(string name, string crdtEntry) => new()
    {
        ["name"] = name,
        ["createdAt"] = "2026-01-01T00:00:00+00:00",
        ["ipynbEntry"] = $"notebooks/{name}",
        ["crdtEntry"] = crdtEntry,
    };

    public static JsonObject Message(long id, string author, string body, string state = "complete") => new()
    {
        ["id"] = id,
        ["projectId"] = "x",
        ["author"] = author,
        ["body"] = body,
        ["createdAt"] = "2026-01-01T00:00:00+00:00",
        ["editedAt"] = null,
        ["deletedAt"] = null,
        ["deletedBy"] = null,
        ["replyTo"] = null,
        ["cell"] = null,
        ["state"] = state,
        ["mentions"] = new JsonArray(),
    };

    /// <summary>A valid notebook CRDT state, optionally padded with <paramref name="randomChars"/> of incompressible text.</summary>
    public static byte[] NotebookState(int randomChars = 0)
    {
        var doc = new Doc();
        NotebookModel.Load(doc, new JsonObject { ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = new JsonArray() });
        if (randomChars > 0) doc.GetText("padding").Insert(0, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(randomChars * 3 / 4)));
        return doc.EncodeStateAsUpdate();
    }
}
