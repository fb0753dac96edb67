using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>The sources and destination of an ADD in shell form; null for the exec form or too few arguments.</summary>
internal static class AddArguments
{
    public static (List<string> Sources, string Destination)? Of(DockerfileInstruction i)
    {
        if (i.Keyword != "ADD") return null;
        var tokens = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--")).ToList();
        if (tokens.Count < 2 || i.Arguments.TrimStart().StartsWith('[')) return null;
        return (tokens[..^1], tokens[^1]);
    }

    public static bool IsUrl(string source) => Regex.IsMatch(source, "^https?://");
}

/// <summary>CDF010: ADD of a URL without a checksum; the fix downloads with curl.</summary>
internal sealed class AddUrlRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (AddArguments.Of(i) is not var (sources, dest) || !sources.Any(AddArguments.IsUrl) || i.Arguments.Contains("--checksum")) yield break;
        var url = sources.First(AddArguments.IsUrl);
        var target = dest.EndsWith('/') ? dest + url[(url.LastIndexOf('/') + 1)..] : dest;
        yield return Issue(FindingSeverity.Warning, AddUrl, i, "ADD of a URL downloads without verification and adds an extra layer.",
            "Download in a RUN with curl (and verify a checksum), or use ADD --checksum=sha256:….",
            () => DockerfileEdit.Replace(scan.All, i, $"RUN curl -fsSL --retry 3 -o {target} {url}"), "replaced ADD <url> with RUN curl");
    }
}

/// <summary>CDF011: ADD of local files that are not archives; COPY does the same plainly.</summary>
internal sealed class AddLocalRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        // A URL is AddUrlRule's, with or without a checksum.
        if (AddArguments.Of(i) is not var (sources, _) || sources.Any(AddArguments.IsUrl)
            || sources.Any(s => Regex.IsMatch(s, @"(\.tar(\.\w+)?|\.tgz|\.tbz2?|\.txz)$|^https?://|^git@"))) yield break;
        yield return Issue(FindingSeverity.Warning, AddLocal, i, "ADD of local files: COPY does the same without ADD's archive and URL magic.", "Use COPY.",
            () => DockerfileEdit.Replace(scan.All, i, "COPY " + i.Arguments), "replaced ADD with COPY");
    }
}
