using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Redaction;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>Runs every Dockerfile rule over parsed instructions.</summary>
internal static partial class DockerfileAnalyzer
{
    private const RegexOptions I = RegexOptions.IgnoreCase;

    [GeneratedRegex(@"\bapt-get\s+(?:-\S+\s+)*install\b", I)] private static partial Regex AptInstall();
    [GeneratedRegex(@"\bapt-get\s+(?:-\S+\s+)*(dist-)?upgrade\b[^&;|]*", I)] private static partial Regex AptUpgradeCmd();
    [GeneratedRegex(@"(^|[;&|(]\s*)(sudo\s+)?apt\s+(?=install|update|upgrade|remove)", I)] private static partial Regex AptCliCmd();
    [GeneratedRegex(@"\b(?:pip3?|python3?\s+-m\s+pip)\s+install\b([^&;|]*)", I)] private static partial Regex PipInstall();
    [GeneratedRegex(@"\bapk\s+add\b", I)] private static partial Regex ApkAdd();
    [GeneratedRegex(@"(?:^|&&|;|\|\|)\s*cd\s+([^\s&;|]+)", I)] private static partial Regex CdCommand();
    [GeneratedRegex(@"\bsudo\s+", I)] private static partial Regex SudoCmd();
    [GeneratedRegex(@"\b(curl|wget)\b[^|;&]*\|(?!\|)", I)] private static partial Regex DownloadPipe();
    [GeneratedRegex(@"set\s+-\w*o\s+pipefail|set\s+-o\s+pipefail|-o""?,?\s*""?pipefail", I)] private static partial Regex Pipefail();
    [GeneratedRegex(@"(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|APIKEY|API_KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)($|_)", I)] private static partial Regex SecretName();
    [GeneratedRegex(@"\b(uvicorn|gunicorn|flask\s+run|nginx|httpd|npm\s+start|node\s+\S*(server|app|index)|java\s+-jar|serve|jupyter|streamlit|manage\.py\s+runserver|hypercorn|caddy)\b", I)] private static partial Regex ServerCommand();

    public static IReadOnlyList<DockerfileIssue> Analyze(string text)
    {
        var all = DockerfileParser.Parse(text);
        var issues = new List<DockerfileIssue>();
        void Add(FindingSeverity s, string rule, DockerfileInstruction at, string message, string fix, Func<string>? rewrite = null, string? how = null) =>
            issues.Add(new DockerfileIssue(new DockerfileFinding(s, rule, at.Line, message, fix), rewrite, rewrite is null ? null : how ?? fix));

        var instructions = all.Where(i => i.IsInstruction).ToList();
        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in instructions)
        {
            switch (i.Keyword)
            {
                case "FROM": CheckFrom(all, i, stageNames, Add); break;
                case "RUN": CheckRun(all, i, Add); break;
                case "ADD": CheckAdd(all, i, Add); break;
                case "ENV" or "ARG": CheckSecrets(all, i, Add); break;
                case "MAINTAINER":
                    Add(FindingSeverity.Warning, Maintainer, i, "MAINTAINER is deprecated.", "Use LABEL org.opencontainers.image.authors=\"…\".",
                        () => DockerfileEdit.Replace(all, i, $"LABEL org.opencontainers.image.authors=\"{i.Arguments.Replace("\"", "'")}\""), "replaced MAINTAINER with a LABEL");
                    break;
                case "WORKDIR" when !i.Arguments.StartsWith('/') && !i.Arguments.StartsWith('$') && !Regex.IsMatch(i.Arguments, @"^[A-Za-z]:"):
                    Add(FindingSeverity.Warning, RelativeWorkdir, i, $"WORKDIR {i.Arguments} is relative; it depends on the WORKDIR before it.", "Use an absolute path.",
                        () => DockerfileEdit.Replace(all, i, $"WORKDIR /{i.Arguments.TrimStart('.', '/')}"), "made WORKDIR absolute");
                    break;
            }
        }
        CheckStages(all, instructions, stageNames, Add);
        return issues.OrderBy(x => x.Finding.Line).ToList();
    }

    private delegate void Reporter(FindingSeverity s, string rule, DockerfileInstruction at, string message, string fix, Func<string>? rewrite = null, string? how = null);

    private static void CheckFrom(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction i, HashSet<string> stageNames, Reporter add)
    {
        var tokens = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--")).ToList();
        if (tokens.Count == 0) return;
        var image = tokens[0];
        var alias = tokens.Count >= 3 && tokens[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? tokens[2] : null;
        var isStage = stageNames.Contains(image);
        if (alias is not null) stageNames.Add(alias);
        if (isStage || image.Equals("scratch", StringComparison.OrdinalIgnoreCase) || image.Contains('$')) return;
        var reference = ImageReference.Parse(image);
        if (reference.IsPinned) return;
        var pinned = KnownImages.Pin(image);
        var latest = reference.Tag is not null;
        add(FindingSeverity.Warning, latest ? LatestBase : UntaggedBase, i,
            latest ? $"Base image {image} uses :latest, so builds are not reproducible." : $"Base image {image} has no tag (means :latest).",
            pinned is null ? "Pin a version tag (or digest) of an official image." : $"Use {pinned}.",
            pinned is null ? null : () => DockerfileEdit.Replace(all, i, "FROM " + i.Arguments.Replace(image, pinned)), $"pinned {image} to {pinned}");
    }

    private static void CheckRun(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction i, Reporter add)
    {
        var cmd = i.Arguments;
        string Rewrite(string newArgs) => DockerfileEdit.Replace(all, i, DockerfileInstruction.Format("RUN", newArgs));

        if (AptCliCmd().IsMatch(cmd))
            add(FindingSeverity.Warning, AptCli, i, "apt is meant for interactive use; its CLI is not stable in scripts.", "Use apt-get.",
                () => Rewrite(AptCliCmd().Replace(cmd, m => m.Groups[1].Value + m.Groups[2].Value + "apt-get ")), "replaced apt with apt-get");
        if (AptInstall().IsMatch(cmd))
        {
            if (!cmd.Contains("--no-install-recommends"))
                add(FindingSeverity.Warning, AptRecommends, i, "apt-get install without --no-install-recommends pulls in unneeded packages.", "Add --no-install-recommends.",
                    () => Rewrite(AptInstall().Replace(cmd, m => m.Value + " --no-install-recommends", 1)), "added --no-install-recommends");
            if (!Regex.IsMatch(cmd, @"rm\s+-(rf|fr|r)\s+/var/lib/apt/lists"))
                add(FindingSeverity.Warning, AptListsKept, i, "The apt lists are not removed in the same RUN, so they stay in the layer.", "End the RUN with && rm -rf /var/lib/apt/lists/*.",
                    () => Rewrite(cmd.TrimEnd(' ', ';') + " && rm -rf /var/lib/apt/lists/*"), "removed the apt lists in the same RUN");
            if (!Regex.IsMatch(cmd, @"apt-get\s+(?:-\S+\s+)*install\b[^&;|]*\s(-y|--yes|-qq|--assume-yes|-\w*y\w*)\b") && !Regex.IsMatch(cmd, @"apt-get\s+-\w*y"))
                add(FindingSeverity.Warning, AptNoYes, i, "apt-get install without -y waits for a prompt and fails the build.", "Add -y.",
                    () => Rewrite(AptInstall().Replace(cmd, m => m.Value + " -y", 1)), "added -y to apt-get install");
            var unpinned = AptPackages(cmd).Where(p => !p.Contains('=')).ToList();
            if (unpinned.Count > 0)
                add(FindingSeverity.Info, AptUnpinned, i, $"apt packages without versions: {string.Join(", ", unpinned)}.", "Pin versions (package=version) if you need reproducible builds.");
        }
        if (AptUpgradeCmd().IsMatch(cmd))
            add(FindingSeverity.Warning, AptUpgrade, i, "apt-get upgrade in a Dockerfile makes builds unreproducible; the base image should be updated instead.", "Remove apt-get upgrade and use a newer base tag.",
                () => Rewrite(CleanChain(AptUpgradeCmd().Replace(cmd, ""))), "removed apt-get upgrade");
        foreach (Match pip in PipInstall().Matches(cmd))
            CheckPip(all, i, cmd, pip, add);
        if (ApkAdd().IsMatch(cmd) && !cmd.Contains("--no-cache"))
            add(FindingSeverity.Warning, ApkCache, i, "apk add without --no-cache keeps the package index in the layer.", "Use apk add --no-cache.",
                () => Rewrite(ApkAdd().Replace(cmd, "apk add --no-cache")), "added --no-cache to apk add");
        if (DownloadPipe().IsMatch(cmd) && !Pipefail().IsMatch(cmd)
            && !all.Any(x => x.Keyword == "SHELL" && x.Stage == i.Stage && x.Line < i.Line && x.Arguments.Contains("pipefail")))
        {
            var from = all.FirstOrDefault(x => x.Keyword == "FROM" && x.Stage == i.Stage)?.Arguments ?? "";
            var shell = BaseImageFamilies.Of(from) == BaseImageFamily.Alpine ? "[\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]" : "[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";
            add(FindingSeverity.Warning, PipeWithoutPipefail, i,
                "A download is piped into another command without pipefail: if curl/wget fails, the pipe still succeeds and the build goes on with a missing or partial file.",
                $"Add SHELL {shell} before this RUN (or start it with set -o pipefail under bash).",
                () => DockerfileEdit.InsertBefore(all, i, $"SHELL {shell}"), "set SHELL with pipefail before the piped download");
        }
        if (SudoCmd().IsMatch(cmd))
            add(FindingSeverity.Warning, Sudo, i, "sudo in a Dockerfile: RUN already runs as the current USER, and sudo hides privilege changes.", "Remove sudo; switch USER around the commands that need root.",
                () => Rewrite(SudoCmd().Replace(cmd, "")), "removed sudo");
        if (CdCommand().IsMatch(cmd))
            add(FindingSeverity.Warning, CdInRun, i, "cd in RUN only lasts for that RUN; WORKDIR states the directory clearly.", "Use WORKDIR <dir> before the RUN.",
                () => DockerfileEdit.Replace(all, i, SplitAtCd(cmd)), "replaced cd with WORKDIR");
    }

    private static void CheckPip(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction i, string cmd, Match pip, Reporter add)
    {
        var args = pip.Groups[1].Value;
        var packages = PipPackages(args);
        var unpinned = packages.Where(p => !Regex.IsMatch(p, @"(==|===|~=|@|\.whl$|\.tar\.gz$)")).ToList();
        if (unpinned.Count > 0)
        {
            var canPin = unpinned.All(p => PinnedPackages.Pin(p.Trim('"', '\'')) is not null);
            add(FindingSeverity.Warning, PipUnpinned, i, $"pip packages without pinned versions: {string.Join(", ", unpinned)}.",
                "Pin each package (name==version) or install from a pinned requirements file.",
                canPin ? () => DockerfileEdit.Replace(all, i, DockerfileInstruction.Format("RUN", PinAll(cmd, unpinned))) : null, "pinned pip packages");
        }
        if (!args.Contains("--no-cache-dir") && !all.Any(x => x.Keyword == "ENV" && x.Arguments.Contains("PIP_NO_CACHE_DIR")))
            add(FindingSeverity.Warning, PipCache, i, "pip install keeps its download cache in the layer.", "Add --no-cache-dir.",
                () => DockerfileEdit.Replace(all, i, DockerfileInstruction.Format("RUN", Regex.Replace(cmd, @"\b(pip3?|python3?\s+-m\s+pip)\s+install\b", "$0 --no-cache-dir"))), "added --no-cache-dir to pip install");
    }

    private static void CheckAdd(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction i, Reporter add)
    {
        var tokens = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--")).ToList();
        if (tokens.Count < 2 || i.Arguments.TrimStart().StartsWith('[')) return;
        var sources = tokens[..^1];
        var dest = tokens[^1];
        if (sources.Any(s => Regex.IsMatch(s, "^https?://")) && !i.Arguments.Contains("--checksum"))
        {
            var url = sources.First(s => Regex.IsMatch(s, "^https?://"));
            var target = dest.EndsWith('/') ? dest + url[(url.LastIndexOf('/') + 1)..] : dest;
            add(FindingSeverity.Warning, AddUrl, i, "ADD of a URL downloads without verification and adds an extra layer.",
                "Download in a RUN with curl (and verify a checksum), or use ADD --checksum=sha256:….",
                () => DockerfileEdit.Replace(all, i, $"RUN curl -fsSL --retry 3 -o {target} {url}"), "replaced ADD <url> with RUN curl");
        }
        else if (!sources.Any(s => Regex.IsMatch(s, @"(\.tar(\.\w+)?|\.tgz|\.tbz2?|\.txz)$|^https?://|^git@")))
            add(FindingSeverity.Warning, AddLocal, i, "ADD of local files: COPY does the same without ADD's archive and URL magic.", "Use COPY.",
                () => DockerfileEdit.Replace(all, i, "COPY " + i.Arguments), "replaced ADD with COPY");
    }

    private static void CheckSecrets(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction i, Reporter add)
    {
        foreach (var (key, value) in KeyValues(i.Arguments))
        {
            var secretName = SecretName().IsMatch(key);
            var secretValue = value is not null && SecretRedactor.Redact($"{key}={value}").HasRedactions && !value.StartsWith('$');
            if (!secretName && !secretValue) continue;
            if (i.Keyword == "ARG" && value is null && !secretName) continue;
            var isEnv = i.Keyword == "ENV";
            if (isEnv && (value is null || value.StartsWith('$') || value.Length == 0)) continue;
            add(isEnv ? FindingSeverity.Error : FindingSeverity.Warning, isEnv ? SecretEnv : SecretArg, i,
                $"{i.Keyword} {key} puts a secret in the image (visible in docker history and to anyone who pulls it).",
                isEnv ? "Remove it; pass it at run time (Kubernetes Secret as env) instead." : "Use a BuildKit secret: RUN --mount=type=secret,id=" + key.ToLowerInvariant() + " ….",
                () => RemoveKey(all, i, key), $"removed {i.Keyword} {key} (supply it at run time / as a BuildKit secret)");
        }
    }

    private static void CheckStages(IReadOnlyList<DockerfileInstruction> all, List<DockerfileInstruction> instructions, HashSet<string> stageNames, Reporter add)
    {
        if (instructions.Count == 0) return;
        var finalStage = instructions.Max(i => i.Stage);
        foreach (var stage in instructions.GroupBy(i => i.Stage))
        {
            foreach (var keyword in new[] { "CMD", "ENTRYPOINT" })
            {
                var list = stage.Where(i => i.Keyword == keyword).ToList();
                foreach (var extra in list.SkipLast(1))
                    add(FindingSeverity.Warning, keyword == "CMD" ? MultipleCmd : MultipleEntrypoint, extra,
                        $"Only the last {keyword} of a stage takes effect; this one is ignored.", $"Keep one {keyword}.",
                        () => DockerfileEdit.Replace(all, extra), $"removed the ignored {keyword}");
                foreach (var shell in list.Where(i => !i.Arguments.TrimStart().StartsWith('[')))
                    add(FindingSeverity.Warning, ShellForm, shell,
                        $"Shell-form {keyword} runs under /bin/sh -c, so the process does not receive SIGTERM and stops only when killed.",
                        $"Use exec form: {keyword} [\"executable\", \"arg\"].",
                        () => DockerfileEdit.Replace(all, shell, $"{keyword} {ExecForm(shell.Arguments)}"), $"converted {keyword} to exec form");
            }
        }

        var final = instructions.Where(i => i.Stage == finalStage).ToList();
        var from = final.First(i => i.Keyword == "FROM");
        var baseImage = from.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => !t.StartsWith("--")) ?? "";
        var lastUser = final.LastOrDefault(i => i.Keyword == "USER");
        var insertAt = final.FirstOrDefault(i => i.Keyword is "CMD" or "ENTRYPOINT" or "HEALTHCHECK" or "EXPOSE");
        var inheritsUser = stageNames.Contains(baseImage) && instructions.LastOrDefault(i => i.Keyword == "USER" && i.Stage < finalStage) is { } earlier && !IsRoot(earlier.Arguments)
            || baseImage.Contains("nonroot") || baseImage.Contains("jupyter/") || baseImage.Contains("nginx-unprivileged");
        if (lastUser is not null && IsRoot(lastUser.Arguments))
            add(FindingSeverity.Warning, RootUser, lastUser, "The image ends running as root.", "Switch to a non-root numeric USER after the steps that need root.",
                () => DockerfileEdit.Replace(all, lastUser, BaseImageFamilies.NonRootUserLines(baseImage)), "switched the final USER to a non-root user");
        else if (lastUser is null && !inheritsUser)
            add(FindingSeverity.Warning, NoUser, from, "The final stage never sets USER, so containers run as root.", "Add a non-root user and USER <uid> before CMD/ENTRYPOINT.",
                () => insertAt is null ? DockerfileEdit.Append(all, BaseImageFamilies.NonRootUserLines(baseImage)) : DockerfileEdit.InsertBefore(all, insertAt, BaseImageFamilies.NonRootUserLines(baseImage)),
                "added a non-root user");

        var serves = final.Any(i => i.Keyword == "EXPOSE") || final.Any(i => i.Keyword is "CMD" or "ENTRYPOINT" && ServerCommand().IsMatch(i.Arguments));
        if (serves && !final.Any(i => i.Keyword == "HEALTHCHECK"))
        {
            var port = final.FirstOrDefault(i => i.Keyword == "EXPOSE")?.Arguments.Split(' ', '/')[0] ?? "8080";
            var check = HealthcheckFor(baseImage, port);
            var anchor = final.FirstOrDefault(i => i.Keyword is "CMD" or "ENTRYPOINT");
            add(FindingSeverity.Info, NoHealthcheck, final.FirstOrDefault(i => i.Keyword == "EXPOSE") ?? from,
                "This image serves traffic but has no HEALTHCHECK (Kubernetes uses probes; docker/compose use HEALTHCHECK).",
                "Add HEALTHCHECK CMD … that hits the service's health endpoint.",
                check is null ? null : () => anchor is null ? DockerfileEdit.Append(all, check) : DockerfileEdit.InsertBefore(all, anchor, check), "added a HEALTHCHECK");
        }
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

    private static bool IsRoot(string user) => user.Trim().Split(':')[0] is "root" or "0";

    private static IEnumerable<string> AptPackages(string cmd)
    {
        var m = Regex.Match(cmd, @"apt-get\s+(?:-\S+\s+)*install\b([^&;|]*)");
        return m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith('-') && !t.StartsWith('$') && t != "\\");
    }

    private static List<string> PipPackages(string args)
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

    private static string PinAll(string cmd, IEnumerable<string> packages)
    {
        foreach (var p in packages)
            cmd = Regex.Replace(cmd, $@"(?<=\s)['""]?{Regex.Escape(p.Trim('"', '\''))}['""]?(?=\s|$)", PinnedPackages.Pin(p.Trim('"', '\''))!);
        return cmd;
    }

    private static string CleanChain(string cmd) =>
        Regex.Replace(Regex.Replace(cmd, @"(&&\s*){2,}", "&& "), @"^\s*&&\s*|\s*&&\s*$", "").Trim();

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

    private static string ExecForm(string command)
    {
        var c = command.Trim();
        if (c.IndexOfAny(['|', '&', ';', '>', '<', '$', '*', '"', '\'', '`']) >= 0)
            return $"[\"/bin/sh\", \"-c\", \"{c.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";
        return "[" + string.Join(", ", c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => $"\"{t}\"")) + "]";
    }

    private static IEnumerable<(string Key, string? Value)> KeyValues(string args)
    {
        var a = args.Trim();
        if (!a.Contains('=')) { var parts = a.Split(' ', 2); yield return (parts[0], parts.Length > 1 ? parts[1] : null); yield break; }
        foreach (Match m in Regex.Matches(a, @"([\w.\-]+)(?:=(""[^""]*""|'[^']*'|\S*))?"))
            yield return (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value.Trim('"', '\'') : null);
    }

    private static string RemoveKey(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction i, string key)
    {
        var rest = KeyValues(i.Arguments).Where(kv => kv.Key != key).ToList();
        if (rest.Count == 0 || !i.Arguments.Contains('=')) return DockerfileEdit.Replace(all, i);
        return DockerfileEdit.Replace(all, i, $"{i.Keyword} " + string.Join(' ', rest.Select(kv => kv.Value is null ? kv.Key : $"{kv.Key}=\"{kv.Value}\"")));
    }
}
