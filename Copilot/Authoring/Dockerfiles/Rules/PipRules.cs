using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>What the pip rules share: the pip installs of a RUN and the packages they name.</summary>
internal static partial class Pip
{
    [GeneratedRegex(@"\b(?:pip3?|python3?\s+-m\s+pip)\s+install\b([^&;|]*)", RegexOptions.IgnoreCase)] public static partial Regex Install();

    public static IEnumerable<string> Arguments(DockerfileInstruction i) =>
        i.Keyword == "RUN" ? Install().Matches(i.Arguments).Select(m => m.Groups[1].Value) : [];

    public static List<string> Packages(string args)
    {
        var result = new List<string>();
        var tokens = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k < tokens.Length; k++)
        {
            var t = tokens[k];
            // Options that take a value swallow the next token.
            if (t is "-r" or "--requirement" or "-c" or "--constraint" or "-e" or "--editable" or "-i" or "--index-url" or "--extra-index-url" or "-f" or "--find-links" or "--target" or "-t" or "--prefix" or "--root") { k++; continue; }
            if (t.StartsWith('-') || t.StartsWith('.') || t.StartsWith('/') || t.StartsWith('$') || t.Contains("://") || t.EndsWith(".txt")) continue;
            result.Add(t);
        }
        return result;
    }
}

/// <summary>CDF013: pip packages without pinned versions; the fix pins the ones the catalogue knows.</summary>
internal sealed class PipUnpinnedRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        foreach (var args in Pip.Arguments(i))
        {
            var unpinned = Pip.Packages(args).Where(p => !Regex.IsMatch(p, @"(==|===|~=|@|\.whl$|\.tar\.gz$)")).ToList();
            if (unpinned.Count == 0) continue;
            var canPin = unpinned.All(p => PinnedPackages.Pin(p.Trim('"', '\'')) is not null);
            yield return Issue(FindingSeverity.Warning, PipUnpinned, i, $"pip packages without pinned versions: {string.Join(", ", unpinned)}.",
                "Pin each package (name==version) or install from a pinned requirements file.",
                canPin ? () => DockerfileEdit.Replace(scan.All, i, DockerfileInstruction.Format("RUN", PinAll(i.Arguments, unpinned))) : null, "pinned pip packages");
        }
    }

    private static string PinAll(string cmd, IEnumerable<string> packages)
    {
        foreach (var p in packages)
            cmd = Regex.Replace(cmd, $@"(?<=\s)['""]?{Regex.Escape(p.Trim('"', '\''))}['""]?(?=\s|$)", PinnedPackages.Pin(p.Trim('"', '\''))!);
        return cmd;
    }
}

/// <summary>CDF014: pip keeps its download cache in the layer.</summary>
internal sealed class PipCacheRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        foreach (var args in Pip.Arguments(i))
        {
            // "--no-cache" is pip's own abbreviation of --no-cache-dir and uv's flag ("uv pip install --no-cache").
            if (Regex.IsMatch(args, @"--no-cache(-dir)?(\s|$)") || scan.All.Any(x => x.Keyword == "ENV" && x.Arguments.Contains("PIP_NO_CACHE_DIR"))) continue;
            yield return Issue(FindingSeverity.Warning, PipCache, i, "pip install keeps its download cache in the layer.", "Add --no-cache-dir.",
                () => DockerfileEdit.Replace(scan.All, i, DockerfileInstruction.Format("RUN", Regex.Replace(i.Arguments, @"\b(pip3?|python3?\s+-m\s+pip)\s+install\b", "$0 --no-cache-dir"))), "added --no-cache-dir to pip install");
        }
    }
}
