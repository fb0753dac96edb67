using System.Text.Json;
using Collab.Server.Auth;

namespace Collab.Server.Backup;

/// <summary>
/// Parses <c>manifest.json</c> and checks every field, so any malformed one is refused as bad
/// input (<see cref="InvalidDataException"/>) before anything is created.
/// </summary>
internal static class BackupManifestCheck
{
    public const int MaxNameLength = 256;

    public static BackupManifest Parse(byte[] json)
    {
        BackupManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, BackupJson.Options)
                ?? throw new InvalidDataException($"{BackupManifest.EntryName} is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{BackupManifest.EntryName}: {ex.Message}");
        }
        if (manifest.Format != BackupManifest.FormatName || manifest.Version != BackupManifest.CurrentVersion)
            throw new InvalidDataException($"Not a {BackupManifest.FormatName} version {BackupManifest.CurrentVersion} archive.");
        if (!ProjectNames.IsValidProjectName(manifest.Project.Name))
            throw new InvalidDataException($"'project.name' must be {ProjectNames.ProjectNameRule}.");
        var entries = new HashSet<string>(StringComparer.Ordinal) { manifest.ChatEntry };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var notebook in manifest.Notebooks)
        {
            if (notebook is null) throw new InvalidDataException("'notebooks' has a null item.");
            if (!ProjectNames.IsValidDocName(notebook.Name))
                throw new InvalidDataException($"Notebook name '{notebook.Name}' must be {ProjectNames.DocNameRule}.");
            if (!names.Add(notebook.Name)) throw new InvalidDataException($"Notebook '{notebook.Name}' is listed twice.");
            // One entry per use: a bomb that points many notebooks at one large entry is refused outright.
            if (!entries.Add(notebook.IpynbEntry) || !entries.Add(notebook.CrdtEntry))
                throw new InvalidDataException($"Notebook '{notebook.Name}' shares an entry with another part of the backup.");
        }
        foreach (var member in manifest.Members)
        {
            if (member is null || string.IsNullOrWhiteSpace(member.UserId) || member.UserId.Length > MaxNameLength
                || !ProjectRoles.TryParse(member.Role, out _))
                throw new InvalidDataException($"Member '{member?.UserId}' with role '{member?.Role}' is not valid.");
        }
        if (manifest.Digests?.Any(d => d.Value is null) == true) throw new InvalidDataException("'digests' has a null value.");
        return manifest;
    }
}
