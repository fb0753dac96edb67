using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>The sources and destination of a COPY or ADD in shell form (flags dropped); null for the exec form or too few arguments.</summary>
internal static class CopyArguments
{
    public static (List<string> Sources, string Destination)? Of(DockerfileInstruction i)
    {
        if (i.Keyword is not ("COPY" or "ADD") || i.Arguments.TrimStart().StartsWith('[')) return null;
        var tokens = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--")).ToList();
        return tokens.Count < 2 ? null : (tokens[..^1], tokens[^1]);
    }
}

/// <summary>
/// CDF030: a secret file copied into the image — a dotenv file (not its .example/.sample/.template), an SSH or TLS private key,
/// a cloud, registry or package-index credentials file. Every layer keeps it, even when a later RUN deletes it.
/// </summary>
internal sealed partial class SecretFileRule : IInstructionRule
{
    [GeneratedRegex(@"(?:^|/)(?:\.env(?:\.(?!example|sample|template|dist)\w+)?|id_(?:rsa|dsa|ecdsa|ed25519)|[\w.\-]*\.(?:pem|key|p12|pfx)|credentials(?:\.json)?|[\w\-]*service[-_]?account[\w\-]*\.json|\.npmrc|\.pypirc|\.netrc|\.git-credentials|kubeconfig|\.kube/config|\.docker/config\.json)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretFile();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (CopyArguments.Of(i) is not var (sources, _) || i.Arguments.Contains("--from=", StringComparison.Ordinal)) yield break;
        var secrets = sources.Where(s => SecretFile().IsMatch(s.TrimEnd('/'))).ToList();
        if (secrets.Count == 0) yield break;
        // Only a line that copies nothing but secrets is removed; a mixed one is left to the author.
        Func<string>? remove = secrets.Count == sources.Count ? () => DockerfileEdit.Replace(scan.All, i) : null;
        yield return Issue(FindingSeverity.Error, SecretFileCopied, i,
            $"{i.Keyword} puts {string.Join(", ", secrets)} into the image: every layer keeps it (docker history, anyone who pulls the image), even if a later RUN deletes it.",
            "Do not copy it; pass it at run time (a Kubernetes Secret as env or a mounted file) or at build time as a BuildKit secret (RUN --mount=type=secret,id=…), and list it in .dockerignore.",
            remove, $"removed the {i.Keyword} of {string.Join(", ", secrets)}");
    }
}

/// <summary>
/// CDF031: a COPY/ADD to a relative destination before the stage sets any WORKDIR, on a base that leaves the working directory
/// at / (the official OS and language images); it lands under /, and the relative paths after it only work by accident.
/// The fix makes the destination absolute, which is where it went anyway.
/// </summary>
internal sealed partial class RelativeDestinationRule : IStageRule
{
    // Official bases that set no WORKDIR of their own.
    [GeneratedRegex(@"^(?:docker\.io/)?(?:library/)?(?:python|node|ubuntu|debian|alpine|busybox|rust|eclipse-temurin|amazoncorretto|fedora|rockylinux|almalinux|nvidia/cuda|r-base|rocker/r-ver|nginx)(?::|@|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RootWorkdirBase();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan)
    {
        foreach (var stage in scan.Instructions.GroupBy(i => i.Stage))
        {
            var from = stage.FirstOrDefault(i => i.Keyword == "FROM");
            var image = from?.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => !t.StartsWith("--")) ?? "";
            if (from is null || !RootWorkdirBase().IsMatch(image)) continue;
            var first = stage.TakeWhile(i => i.Keyword != "WORKDIR")
                .FirstOrDefault(i => CopyArguments.Of(i) is var (_, dest) && !dest.StartsWith('/') && !dest.StartsWith('$') && !Regex.IsMatch(dest, @"^[A-Za-z]:"));
            if (first is null || CopyArguments.Of(first) is not var (_, relative)) continue;
            var absolute = "/" + relative.TrimStart('.', '/');
            yield return Issue(FindingSeverity.Warning, RelativePathWithoutWorkdir, first,
                $"{first.Keyword} to {relative} before any WORKDIR: the working directory is /, so it lands in {absolute}, and relative paths in the RUN, CMD and ENTRYPOINT after it resolve from /.",
                $"Set WORKDIR (e.g. WORKDIR /app) before it and copy to absolute paths.",
                () => DockerfileEdit.Replace(scan.All, first, first.Raw.TrimEnd()[..^relative.Length] + absolute), $"made the destination {absolute} absolute");
        }
    }
}

/// <summary>
/// CDF032: ADD unpacks a local tar archive into its destination, so a later RUN that unpacks the same archive finds a
/// directory, not the file ("tar: not in gzip format", "Cannot open"). The fix copies the archive as a file with COPY.
/// </summary>
internal sealed partial class ArchiveUnpackedTwiceRule : IStageRule
{
    [GeneratedRegex(@"\.(?:tar(?:\.(?:gz|bz2|xz|zst))?|tgz|tbz2?|txz)$", RegexOptions.IgnoreCase)]
    private static partial Regex Archive();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan)
    {
        foreach (var add in scan.Instructions.Where(i => i.Keyword == "ADD"))
        {
            if (AddArguments.Of(add) is not var (sources, _)) continue;
            var archive = sources.FirstOrDefault(s => !AddArguments.IsUrl(s) && Archive().IsMatch(s));
            if (archive is null) continue;
            var name = archive[(archive.LastIndexOf('/') + 1)..];
            var unpack = scan.Instructions.FirstOrDefault(i => i.Stage == add.Stage && i.Line > add.Line && i.Keyword == "RUN"
                && Regex.IsMatch(i.Arguments, @"\btar\b") && i.Arguments.Contains(name, StringComparison.Ordinal));
            if (unpack is null) continue;
            yield return Issue(FindingSeverity.Error, ArchiveUnpackedTwice, add,
                $"ADD already unpacks the local archive {name}, so the tar on line {unpack.Line} finds a directory instead of the file and fails.",
                "Copy the archive with COPY and unpack it in the RUN, or let ADD unpack it and drop the tar.",
                () => DockerfileEdit.Replace(scan.All, add, "COPY " + add.Arguments), "replaced ADD with COPY so the archive arrives as a file");
        }
    }
}

/// <summary>
/// CDF033: a RUN that needs root (chown/chgrp of files it does not own, apt-get/apk/yum installs, useradd) after USER switched
/// to a non-root user fails with "Operation not permitted" or "Permission denied". The fix moves that USER after the RUN.
/// </summary>
internal sealed partial class RootCommandAfterUserRule : IStageRule
{
    [GeneratedRegex(@"(?:^|[;&|(]\s*)(?<cmd>chown|chgrp|apt-get\s+(?:-\S+\s+)*install|apk\s+add|yum\s+install|dnf\s+install|useradd|adduser|groupadd|addgroup)\b")]
    private static partial Regex NeedsRoot();

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan)
    {
        foreach (var stage in scan.Instructions.GroupBy(i => i.Stage))
        {
            DockerfileInstruction? user = null;
            foreach (var i in stage)
            {
                if (i.Keyword == "USER") user = i.Arguments.Trim().Split(':')[0] is "root" or "0" ? null : i;
                else if (user is not null && i.Keyword == "RUN" && !i.Arguments.Contains("sudo", StringComparison.Ordinal) && NeedsRoot().Match(i.Arguments) is { Success: true } m)
                {
                    var switched = user;
                    yield return Issue(FindingSeverity.Error, RootCommandAfterUser, i,
                        $"{m.Groups["cmd"].Value.Split(' ')[0]} runs as {switched.Arguments.Trim()} (USER on line {switched.Line}), not root, so it fails with \"Operation not permitted\".",
                        $"Run it before USER {switched.Arguments.Trim()}, or copy files with COPY --chown instead of chown.",
                        () => string.Concat(scan.All.Where(x => !ReferenceEquals(x, switched)).Select(x => x.Raw + "\n" + (ReferenceEquals(x, i) ? switched.Raw + "\n" : ""))),
                        $"moved USER {switched.Arguments.Trim()} after the RUN");
                    break;
                }
            }
        }
    }
}
