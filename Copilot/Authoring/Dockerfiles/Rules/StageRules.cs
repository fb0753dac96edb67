using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>CDF019/CDF020: only the last CMD (or ENTRYPOINT) of a stage counts; the others are removed.</summary>
internal sealed class RepeatedStartRule(string keyword, string rule) : IStageRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan) =>
        scan.Instructions.GroupBy(i => i.Stage).SelectMany(stage => stage.Where(i => i.Keyword == keyword).SkipLast(1))
            .Select(extra => Issue(FindingSeverity.Warning, rule, extra,
                $"Only the last {keyword} of a stage takes effect; this one is ignored.", $"Keep one {keyword}.",
                () => DockerfileEdit.Replace(scan.All, extra), $"removed the ignored {keyword}"));
}

/// <summary>CDF021: shell-form CMD/ENTRYPOINT, whose process never gets SIGTERM; the fix writes the exec form.</summary>
internal sealed class ShellFormRule : IStageRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan) =>
        scan.Instructions.Where(i => i.Keyword is "CMD" or "ENTRYPOINT" && !i.Arguments.TrimStart().StartsWith('['))
            .Select(shell => Issue(FindingSeverity.Warning, ShellForm, shell,
                $"Shell-form {shell.Keyword} runs under /bin/sh -c, so the process does not receive SIGTERM and stops only when killed.",
                $"Use exec form: {shell.Keyword} [\"executable\", \"arg\"].",
                () => DockerfileEdit.Replace(scan.All, shell, $"{shell.Keyword} {ExecForm(shell.Arguments)}"), $"converted {shell.Keyword} to exec form"));

    private static string ExecForm(string command)
    {
        var c = command.Trim();
        if (c.IndexOfAny(['|', '&', ';', '>', '<', '$', '*', '"', '\'', '`']) >= 0)
            return $"[\"/bin/sh\", \"-c\", \"{c.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";
        return "[" + string.Join(", ", c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => $"\"{t}\"")) + "]";
    }
}

/// <summary>The final stage: its instructions, its FROM and base image.</summary>
internal sealed record FinalStage(IReadOnlyList<DockerfileInstruction> Instructions, DockerfileInstruction From, string BaseImage)
{
    public static FinalStage? Of(DockerfileScan scan)
    {
        if (scan.Instructions.Count == 0) return null;
        var last = scan.Instructions.Max(i => i.Stage);
        var final = scan.Instructions.Where(i => i.Stage == last).ToList();
        var from = final.First(i => i.Keyword == "FROM");
        return new(final, from, from.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => !t.StartsWith("--")) ?? "");
    }
}

/// <summary>CDF003/CDF004: the image ends running as root, by USER root or by never setting USER.</summary>
internal sealed class RootUserRule : IStageRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan)
    {
        if (FinalStage.Of(scan) is not { } final) yield break;
        var lastUser = final.Instructions.LastOrDefault(i => i.Keyword == "USER");
        var insertAt = final.Instructions.FirstOrDefault(i => i.Keyword is "CMD" or "ENTRYPOINT" or "HEALTHCHECK" or "EXPOSE");
        var lastStage = final.From.Stage;
        var inheritsUser = scan.IsStage(final.BaseImage) && scan.Instructions.LastOrDefault(i => i.Keyword == "USER" && i.Stage < lastStage) is { } earlier && !IsRoot(earlier.Arguments)
            || final.BaseImage.Contains("nonroot") || final.BaseImage.Contains("jupyter/") || final.BaseImage.Contains("nginx-unprivileged");
        if (lastUser is not null && IsRoot(lastUser.Arguments))
            yield return Issue(FindingSeverity.Warning, RootUser, lastUser, "The image ends running as root.", "Switch to a non-root numeric USER after the steps that need root.",
                () => DockerfileEdit.Replace(scan.All, lastUser, BaseImageFamilies.NonRootUserLines(final.BaseImage)), "switched the final USER to a non-root user");
        else if (lastUser is null && !inheritsUser)
            yield return Issue(FindingSeverity.Warning, NoUser, final.From, "The final stage never sets USER, so containers run as root.", "Add a non-root user and USER <uid> before CMD/ENTRYPOINT.",
                () => insertAt is null ? DockerfileEdit.Append(scan.All, BaseImageFamilies.NonRootUserLines(final.BaseImage)) : DockerfileEdit.InsertBefore(scan.All, insertAt, BaseImageFamilies.NonRootUserLines(final.BaseImage)),
                "added a non-root user");
    }

    private static bool IsRoot(string user) => user.Trim().Split(':')[0] is "root" or "0";
}

/// <summary>CDF018: an image that serves traffic has no HEALTHCHECK; the fix adds one for Python and wget-capable bases.</summary>
internal sealed partial class NoHealthcheckRule : IStageRule
{
    [GeneratedRegex(@"\b(uvicorn|gunicorn|flask\s+run|nginx|httpd|npm\s+start|node\s+\S*(server|app|index)|java\s+-jar|serve|jupyter|streamlit|manage\.py\s+runserver|hypercorn|caddy)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ServerCommand();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan)
    {
        if (FinalStage.Of(scan) is not { } final) yield break;
        var instructions = final.Instructions;
        var serves = instructions.Any(i => i.Keyword == "EXPOSE") || instructions.Any(i => i.Keyword is "CMD" or "ENTRYPOINT" && ServerCommand().IsMatch(i.Arguments));
        if (!serves || instructions.Any(i => i.Keyword == "HEALTHCHECK")) yield break;
        var port = instructions.FirstOrDefault(i => i.Keyword == "EXPOSE")?.Arguments.Split(' ', '/')[0] ?? "8080";
        var check = HealthcheckFor(final.BaseImage, port);
        var anchor = instructions.FirstOrDefault(i => i.Keyword is "CMD" or "ENTRYPOINT");
        yield return Issue(FindingSeverity.Info, NoHealthcheck, instructions.FirstOrDefault(i => i.Keyword == "EXPOSE") ?? final.From,
            "This image serves traffic but has no HEALTHCHECK (Kubernetes uses probes; docker/compose use HEALTHCHECK).",
            "Add HEALTHCHECK CMD … that hits the service's health endpoint.",
            check is null ? null : () => anchor is null ? DockerfileEdit.Append(scan.All, check) : DockerfileEdit.InsertBefore(scan.All, anchor, check), "added a HEALTHCHECK");
    }

    private static string? HealthcheckFor(string baseImage, string port)
    {
        var i = baseImage.ToLowerInvariant();
        if (i.StartsWith("python") || i.Contains("pytorch") || i.Contains("jupyter"))
            return $"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/')\"]";
        if (BaseImageFamilies.Of(baseImage) is BaseImageFamily.Alpine or BaseImageFamily.Node || i.Contains("nginx"))
            return $"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:{port}/\"]";
        return null;
    }
}
