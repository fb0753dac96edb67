using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>CDF024: apk add keeps the package index.</summary>
internal sealed partial class ApkCacheRule : IInstructionRule
{
    [GeneratedRegex(@"\bapk\s+add\b", RegexOptions.IgnoreCase)] private static partial Regex ApkAdd();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "RUN" || !ApkAdd().IsMatch(i.Arguments) || i.Arguments.Contains("--no-cache")) yield break;
        yield return Issue(FindingSeverity.Warning, ApkCache, i, "apk add without --no-cache keeps the package index in the layer.", "Use apk add --no-cache.",
            () => DockerfileEdit.Replace(scan.All, i, DockerfileInstruction.Format("RUN", ApkAdd().Replace(i.Arguments, "apk add --no-cache"))), "added --no-cache to apk add");
    }
}

/// <summary>CDF026: a download piped into another command without pipefail hides a failed download.</summary>
internal sealed partial class PipeWithoutPipefailRule : IInstructionRule
{
    [GeneratedRegex(@"\b(curl|wget)\b[^|;&]*\|(?!\|)", RegexOptions.IgnoreCase)] private static partial Regex DownloadPipe();
    [GeneratedRegex(@"set\s+-\w*o\s+pipefail|set\s+-o\s+pipefail|-o""?,?\s*""?pipefail", RegexOptions.IgnoreCase)] private static partial Regex Pipefail();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "RUN" || !DownloadPipe().IsMatch(i.Arguments) || Pipefail().IsMatch(i.Arguments)
            || scan.All.Any(x => x.Keyword == "SHELL" && x.Stage == i.Stage && x.Line < i.Line && x.Arguments.Contains("pipefail"))) yield break;
        var from = scan.All.FirstOrDefault(x => x.Keyword == "FROM" && x.Stage == i.Stage)?.Arguments ?? "";
        var shell = BaseImageFamilies.Of(from) == BaseImageFamily.Alpine ? "[\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]" : "[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";
        yield return Issue(FindingSeverity.Warning, PipeWithoutPipefail, i,
            "A download is piped into another command without pipefail: if curl/wget fails, the pipe still succeeds and the build goes on with a missing or partial file.",
            $"Add SHELL {shell} before this RUN (or start it with set -o pipefail under bash).",
            () => DockerfileEdit.InsertBefore(scan.All, i, $"SHELL {shell}"), "set SHELL with pipefail before the piped download");
    }
}

/// <summary>
/// CDF029: a script downloaded and run in one step (<c>curl … | sh</c>, <c>wget -O- … | bash</c>,
/// <c>sh -c "$(curl …)"</c>): whatever the server sends at build time runs unreviewed, pipefail or not.
/// </summary>
internal sealed partial class RemoteScriptRule : IInstructionRule
{
    [GeneratedRegex(@"\b(?:curl|wget)\b[^|;&]*\|\s*(?:sudo\s+)?(?:-?\w+=\S+\s+)*(?:/(?:usr/)?bin/)?(?:sh|bash|zsh|ash|dash|python3?|perl)\b|\b(?:sh|bash)\s+-c\s+[""']?\$\(\s*(?:curl|wget)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadIntoShell();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "RUN" || !DownloadIntoShell().IsMatch(i.Arguments)) yield break;
        yield return Issue(FindingSeverity.Warning, RemoteScript, i,
            "A script is downloaded and run in one step, so whatever the server sends at build time runs unreviewed.",
            "Download the script (or a release archive) at a pinned version, check its SHA-256, then run it.");
    }
}

/// <summary>CDF017: sudo in a RUN.</summary>
internal sealed partial class SudoRule : IInstructionRule
{
    [GeneratedRegex(@"\bsudo\s+", RegexOptions.IgnoreCase)] private static partial Regex Sudo();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "RUN" || !Sudo().IsMatch(i.Arguments)) yield break;
        yield return Issue(FindingSeverity.Warning, DockerfileRules.Sudo, i, "sudo in a Dockerfile: RUN already runs as the current USER, and sudo hides privilege changes.", "Remove sudo; switch USER around the commands that need root.",
            () => DockerfileEdit.Replace(scan.All, i, DockerfileInstruction.Format("RUN", Sudo().Replace(i.Arguments, ""))), "removed sudo");
    }
}

/// <summary>CDF012: cd in a RUN instead of WORKDIR; the fix splits the RUN at each cd.</summary>
internal sealed partial class CdInRunRule : IInstructionRule
{
    [GeneratedRegex(@"(?:^|&&|;|\|\|)\s*cd\s+([^\s&;|]+)", RegexOptions.IgnoreCase)] private static partial Regex Cd();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "RUN" || !Cd().IsMatch(i.Arguments)) yield break;
        yield return Issue(FindingSeverity.Warning, CdInRun, i, "cd in RUN only lasts for that RUN; WORKDIR states the directory clearly.", "Use WORKDIR <dir> before the RUN.",
            () => DockerfileEdit.Replace(scan.All, i, SplitAtCd(i.Arguments)), "replaced cd with WORKDIR");
    }

    private static string[] SplitAtCd(string cmd)
    {
        var segments = cmd.Split("&&").Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var lines = new List<string>();
        var pending = new List<string>();
        foreach (var s in segments)
        {
            var cd = Regex.Match(s, @"^cd\s+(\S+)$");
            if (!cd.Success) { pending.Add(s); continue; }
            if (pending.Count > 0) lines.Add(DockerfileInstruction.Format("RUN", string.Join(" && ", pending)));
            pending.Clear();
            lines.Add("WORKDIR " + cd.Groups[1].Value);
        }
        if (pending.Count > 0) lines.Add(DockerfileInstruction.Format("RUN", string.Join(" && ", pending)));
        return [.. lines];
    }
}
