using Collab.Server.Chat;

namespace Collab.Server.Backup;

/// <summary>
/// <c>manifest.json</c> at the root of a project backup. Notebook contents live in their own
/// entries (<see cref="BackupNotebook"/>); everything else small enough is inline.
/// <see cref="Digests"/> (entry name → SHA-256, hex) ties the other entries to the manifest, and
/// <c>manifest.sig</c> holds the deployment's HMAC of the manifest's bytes (<see cref="BackupSigner"/>).
/// </summary>
public sealed record BackupManifest(
    string Format,
    int Version,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    BackupProject Project,
    IReadOnlyList<BackupNotebook> Notebooks,
    IReadOnlyList<BackupMember> Members,
    ChatSettings ChatSettings,
    string ChatEntry,
    IReadOnlyDictionary<string, string>? Digests = null)
{
    public const string FormatName = "collab-project-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";
    public const string SignatureEntryName = "manifest.sig";
}
