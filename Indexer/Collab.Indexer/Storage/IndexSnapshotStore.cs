namespace Collab.Indexer.Storage;

/// <summary>
/// An index folder holding immutable snapshots and a <c>CURRENT</c> file naming the live one.
/// A build writes a fresh snapshot beside the live one and publishes it by atomically renaming a new
/// <c>CURRENT</c> over the old, so readers see the old index or the new one, never a half-built one.
/// </summary>
/// <remarks>
/// Layout: <c>CURRENT</c>, <c>snapshots/&lt;name&gt;/{lexical/, vectors.bin, manifest.json}</c>.
/// </remarks>
public sealed class IndexSnapshotStore(string root)
{
    private const string CurrentFileName = "CURRENT";
    private const string SnapshotsFolder = "snapshots";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Full path of the live snapshot, or null when nothing has been published yet.</summary>
    public string? CurrentSnapshotPath()
    {
        var name = ReadCurrentName();
        return name is null ? null : Path.Combine(Root, SnapshotsFolder, name);
    }

    /// <summary>The live snapshot's name; cheap enough to call on every query.</summary>
    public string? ReadCurrentName()
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(Root, CurrentFileName)).Trim();
            return name.Length == 0 ? null : name;
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
    }

    public static string LexicalPath(string snapshot) => Path.Combine(snapshot, "lexical");

    public static string VectorsPath(string snapshot) => Path.Combine(snapshot, "vectors.bin");

    public static string ManifestPath(string snapshot) => Path.Combine(snapshot, "manifest.json");

    /// <summary>Creates a new, unpublished snapshot folder, starting as a copy of <paramref name="copyFrom"/>.</summary>
    public string CreateSnapshot(string? copyFrom)
    {
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}"[..28];
        var path = Path.Combine(Root, SnapshotsFolder, name);
        Directory.CreateDirectory(path);
        if (copyFrom is not null) CopyFolder(copyFrom, path);
        return path;
    }

    /// <summary>Makes <paramref name="snapshot"/> the live index, then removes snapshots older than the one it replaced.</summary>
    public void Publish(string snapshot)
    {
        var previous = ReadCurrentName();
        var temporary = Path.Combine(Root, $"{CurrentFileName}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, Path.GetFileName(snapshot));
        File.Move(temporary, Path.Combine(Root, CurrentFileName), overwrite: true);
        Prune(keep: [Path.GetFileName(snapshot), previous]);
    }

    /// <summary>Serialises builds of the same index folder, across processes too.</summary>
    public IDisposable AcquireWriteLock()
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, "build.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Another build holds {path}; wait for it to finish.", e);
        }
    }

    /// <summary>
    /// Deletes snapshots other than the live one and its predecessor: a reader that opened the
    /// predecessor just before the swap may still be using it.
    /// </summary>
    private void Prune(IReadOnlyCollection<string?> keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(Root, SnapshotsFolder)))
        {
            if (keep.Contains(Path.GetFileName(folder))) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* still open somewhere (Windows); the next publish retries */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == "write.lock") continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
