using System.Security.Cryptography;
using Collab.Indexer.Storage;

namespace Collab.Indexer.Ingestion;

/// <summary>
/// Reads and hashes every source file and sorts them into unchanged, changed and removed against the
/// live snapshot's manifest. When the settings fingerprint differs, nothing counts as unchanged.
/// </summary>
internal sealed class DetectChangesStep(IReadOnlyCollection<string> extensions) : IIngestionStep
{
    public string Name => "detect changes";

    public Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var live = context.Store.CurrentSnapshotPath();
        if (live is not null)
        {
            context.PreviousManifest = IndexManifest.Load(IndexSnapshotStore.ManifestPath(live));
            if (context.PreviousManifest.SettingsFingerprint == context.SettingsFingerprint) context.BaseSnapshot = live;
        }
        var baseFiles = context.BaseSnapshot is null ? [] : context.PreviousManifest.Files;

        var paths = EnumerateSources(context.SourceDirectory, context.Store.Root).ToList();
        context.FilesSeen = paths.Count;
        var readable = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = paths[i];
            context.Progress?.Report(new IngestionProgress(Name, i, paths.Count, relative));
            byte[] content;
            try
            {
                content = File.ReadAllBytes(Path.Combine(context.SourceDirectory, relative));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Warn(relative, $"unreadable ({e.Message})");
                continue;
            }
            readable.Add(relative);
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            if (baseFiles.TryGetValue(relative, out var indexed) && indexed.ContentHash == hash) context.Unchanged.Add(relative);
            else context.Changed.Add(new SourceFile(relative, content, hash));
        }
        context.Removed.AddRange(baseFiles.Keys.Where(p => !readable.Contains(p)).Order(StringComparer.Ordinal));
        context.Progress?.Report(new IngestionProgress(Name, paths.Count, paths.Count));
        return Task.CompletedTask;
    }

    /// <summary>Relative '/'-separated paths of indexable files; hidden folders and the index itself are skipped.</summary>
    private IEnumerable<string> EnumerateSources(string root, string indexRoot)
    {
        var pending = new Stack<string>([root]);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && !PathsEqual(sub, indexRoot)) pending.Push(sub);
            }
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (extensions.Any(ext => file.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
                    found.Add(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }
        return found.Order(StringComparer.Ordinal);
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
