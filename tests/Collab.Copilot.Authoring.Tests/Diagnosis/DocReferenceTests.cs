using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

public sealed class DocReferenceTests
{
    [Fact]
    public void Every_signature_doc_reference_points_at_an_existing_page_and_heading()
    {
        var root = RepositoryRoot();
        var missing = new List<string>();
        foreach (var signature in SignatureCatalog.All)
        {
            var parts = signature.Doc.Split('#', 2);
            var file = Path.Combine(root, parts[0]);
            if (!File.Exists(file)) { missing.Add($"{signature.Id}: {parts[0]} does not exist"); continue; }
            var anchors = Anchors(File.ReadAllLines(file));
            if (parts.Length == 2 && !anchors.Contains(parts[1])) missing.Add($"{signature.Id}: #{parts[1]} not in {parts[0]}");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>GitHub-style heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces to '-', duplicates suffixed -1, -2….</summary>
    private static HashSet<string> Anchors(IEnumerable<string> lines)
    {
        var seen = new Dictionary<string, int>();
        var result = new HashSet<string>();
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```")) inFence = !inFence;
            var m = Regex.Match(line, @"^#{1,6}\s+(.*?)\s*#*\s*$");
            if (inFence || !m.Success) continue;
            var slug = Regex.Replace(m.Groups[1].Value.ToLowerInvariant(), @"[^\p{L}\p{M}\p{N}\p{Pc}\- ]", "").Replace(' ', '-');
            var count = seen.GetValueOrDefault(slug);
            result.Add(count == 0 ? slug : $"{slug}-{count}");
            seen[slug] = count + 1;
        }
        return result;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collab.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Collab.sln not found above the test assembly.");
    }
}
