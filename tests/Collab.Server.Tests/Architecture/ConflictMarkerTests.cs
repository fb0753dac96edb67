using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Architecture;

/// <summary>
/// No source or document file keeps a merge's conflict markers: a README once shipped with one, and
/// nothing else would notice in Markdown or a shell comment.
/// </summary>
public sealed class ConflictMarkerTests
{
    private static readonly HashSet<string> Skipped = ["node_modules", "bin", "obj", ".git", ".native", "wwwroot", "test-results"];

    private static readonly HashSet<string> TextExtensions =
        [".md", ".cs", ".csproj", ".props", ".sh", ".mjs", ".js", ".ts", ".tsx", ".json", ".yaml", ".yml", ".py", ".toml", ".txt", ".jsonl"];

    [Fact]
    public void No_file_in_the_repository_carries_merge_conflict_markers()
    {
        var marked = Files(new DirectoryInfo(RepoPaths.Root))
            .Where(f => f.Length < 4 * 1024 * 1024)
            .Where(f =>
            {
                var lines = File.ReadLines(f.FullName).ToList();
                return lines.Any(l => l.StartsWith("<<<<<<< ", StringComparison.Ordinal))
                    && lines.Any(l => l.StartsWith(">>>>>>> ", StringComparison.Ordinal));
            })
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f.FullName))
            .ToList();
        Assert.True(marked.Count == 0, $"Merge conflict markers left in: {string.Join(", ", marked)}");
    }

    private static IEnumerable<FileInfo> Files(DirectoryInfo dir)
    {
        foreach (var file in dir.EnumerateFiles())
            if (TextExtensions.Contains(file.Extension)) yield return file;
        foreach (var sub in dir.EnumerateDirectories())
            if (!Skipped.Contains(sub.Name) && !sub.Name.StartsWith('.')) foreach (var file in Files(sub)) yield return file;
    }
}
