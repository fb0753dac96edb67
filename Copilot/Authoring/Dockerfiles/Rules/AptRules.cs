using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>What the apt rules share: finding an install in a RUN and rewriting the RUN.</summary>
internal static partial class Apt
{
    [GeneratedRegex(@"\bapt-get\s+(?:-\S+\s+)*install\b", RegexOptions.IgnoreCase)] public static partial Regex Install();
    [GeneratedRegex(@"\bapt-get\s+(?:-\S+\s+)*(dist-)?upgrade\b[^&;|]*", RegexOptions.IgnoreCase)] public static partial Regex Upgrade();
    [GeneratedRegex(@"(^|[;&|(]\s*)(sudo\s+)?apt\s+(?=install|update|upgrade|remove)", RegexOptions.IgnoreCase)] public static partial Regex Cli();

    public static bool Installs(DockerfileInstruction i) => i.Keyword == "RUN" && Install().IsMatch(i.Arguments);

    public static string Rewrite(DockerfileScan scan, DockerfileInstruction i, string newArgs) => DockerfileEdit.Replace(scan.All, i, DockerfileInstruction.Format("RUN", newArgs));

    public static IEnumerable<string> Packages(string cmd)
    {
        var m = Regex.Match(cmd, @"apt-get\s+(?:-\S+\s+)*install\b([^&;|]*)");
        return m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith('-') && !t.StartsWith('$') && t != "\\");
    }

    public static string CleanChain(string cmd) =>
        Regex.Replace(Regex.Replace(cmd, @"(&&\s*){2,}", "&& "), @"^\s*&&\s*|\s*&&\s*$", "").Trim();
}

/// <summary>CDF023: the interactive apt CLI in a script.</summary>
internal sealed class AptCliRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "RUN" || !Apt.Cli().IsMatch(i.Arguments)) yield break;
        yield return Issue(FindingSeverity.Warning, AptCli, i, "apt is meant for interactive use; its CLI is not stable in scripts.", "Use apt-get.",
            () => Apt.Rewrite(scan, i, Apt.Cli().Replace(i.Arguments, m => m.Groups[1].Value + m.Groups[2].Value + "apt-get ")), "replaced apt with apt-get");
    }
}

/// <summary>CDF005: apt-get install pulls recommended packages.</summary>
internal sealed class AptRecommendsRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (!Apt.Installs(i) || i.Arguments.Contains("--no-install-recommends")) yield break;
        yield return Issue(FindingSeverity.Warning, AptRecommends, i, "apt-get install without --no-install-recommends pulls in unneeded packages.", "Add --no-install-recommends.",
            () => Apt.Rewrite(scan, i, Apt.Install().Replace(i.Arguments, m => m.Value + " --no-install-recommends", 1)), "added --no-install-recommends");
    }
}

/// <summary>CDF006: the apt lists stay in the layer.</summary>
internal sealed class AptListsKeptRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (Regex.IsMatch(i.Arguments, @"rm\s+-(rf|fr|r)\s+/var/lib/apt/lists")) yield break;
        // An update in a RUN of its own keeps the lists too, and its cached layer hands stale lists to a later install.
        if (i.Keyword == "RUN" && !Regex.IsMatch(i.Arguments, @"\bapt(-get)?\s+(?:-\S+\s+)*install\b") && Regex.IsMatch(i.Arguments, @"\bapt(-get)?\s+(?:-\S+\s+)*update\b"))
        {
            // The fix moves the update into the stage's next install, whose own CDF006 then removes the lists.
            var install = scan.Instructions.FirstOrDefault(x => x.Stage == i.Stage && x.Line > i.Line && Apt.Installs(x));
            Func<string>? merge = install is null ? null : () => string.Concat(scan.All.Where(x => !ReferenceEquals(x, i)).Select(x =>
                (ReferenceEquals(x, install) ? DockerfileInstruction.Format("RUN", i.Arguments.Trim() + " && " + install.Arguments.Trim()) : x.Raw) + "\n"));
            yield return Issue(FindingSeverity.Warning, AptListsKept, i,
                "apt-get update runs in a RUN of its own: its lists stay in the layer, and the cached layer hands stale lists to a later install (404 errors).",
                "Run apt-get update and apt-get install in the same RUN, ending with && rm -rf /var/lib/apt/lists/*.", merge, "moved apt-get update into the RUN that installs");
            yield break;
        }
        if (!Apt.Installs(i)) yield break;
        yield return Issue(FindingSeverity.Warning, AptListsKept, i, "The apt lists are not removed in the same RUN, so they stay in the layer.", "End the RUN with && rm -rf /var/lib/apt/lists/*.",
            () => Apt.Rewrite(scan, i, i.Arguments.TrimEnd(' ', ';') + " && rm -rf /var/lib/apt/lists/*"), "removed the apt lists in the same RUN");
    }
}

/// <summary>CDF007: apt-get install waits for a prompt.</summary>
internal sealed class AptNoYesRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        var cmd = i.Arguments;
        if (!Apt.Installs(i) || Regex.IsMatch(cmd, @"apt-get\s+(?:-\S+\s+)*install\b[^&;|]*\s(-y|--yes|-qq|--assume-yes|-\w*y\w*)\b") || Regex.IsMatch(cmd, @"apt-get\s+-\w*y")) yield break;
        yield return Issue(FindingSeverity.Warning, AptNoYes, i, "apt-get install without -y waits for a prompt and fails the build.", "Add -y.",
            () => Apt.Rewrite(scan, i, Apt.Install().Replace(cmd, m => m.Value + " -y", 1)), "added -y to apt-get install");
    }
}

/// <summary>CDF009: apt packages without versions (a note).</summary>
internal sealed class AptUnpinnedRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (!Apt.Installs(i)) yield break;
        var unpinned = Apt.Packages(i.Arguments).Where(p => !p.Contains('=')).ToList();
        if (unpinned.Count > 0)
            yield return Issue(FindingSeverity.Info, AptUnpinned, i, $"apt packages without versions: {string.Join(", ", unpinned)}.", "Pin versions (package=version) if you need reproducible builds.");
    }
}

/// <summary>CDF008: apt-get upgrade in a build.</summary>
internal sealed class AptUpgradeRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "RUN" || !Apt.Upgrade().IsMatch(i.Arguments)) yield break;
        yield return Issue(FindingSeverity.Warning, AptUpgrade, i, "apt-get upgrade in a Dockerfile makes builds unreproducible; the base image should be updated instead.", "Remove apt-get upgrade and use a newer base tag.",
            () => Apt.Rewrite(scan, i, Apt.CleanChain(Apt.Upgrade().Replace(i.Arguments, ""))), "removed apt-get upgrade");
    }
}

/// <summary>
/// CDF034: apt-get install with no apt-get update in the same RUN or in the stage before it: the base images ship without
/// package lists, so it fails with "Unable to locate package". (An update in a RUN of its own is CDF006's.)
/// </summary>
internal sealed class AptInstallWithoutUpdateRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (!Apt.Installs(i) || Updates(i) || scan.Instructions.Any(x => x.Stage == i.Stage && x.Line < i.Line && Updates(x))) yield break;
        // A stage built FROM an earlier stage may have its lists already.
        var from = scan.Instructions.First(x => x.Stage == i.Stage && x.Keyword == "FROM").Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => !t.StartsWith("--")) ?? "";
        if (scan.IsStage(from, i.Line)) yield break;
        yield return Issue(FindingSeverity.Error, AptInstallWithoutUpdate, i,
            "apt-get install runs without apt-get update: the base image ships no package lists, so it fails with \"Unable to locate package\".",
            "Run apt-get update && apt-get install … in the same RUN.",
            () => Apt.Rewrite(scan, i, Apt.Install().Replace(i.Arguments, m => "apt-get update && " + m.Value, 1)), "added apt-get update to the same RUN");
    }

    private static bool Updates(DockerfileInstruction i) => i.Keyword == "RUN" && Regex.IsMatch(i.Arguments, @"\bapt(-get)?\s+(?:-\S+\s+)*update\b");
}
