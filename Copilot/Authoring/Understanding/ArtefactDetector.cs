using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// Finds what was pasted, fenced or not, by what each line is: Kubernetes YAML, Dockerfile
/// instructions, log/event/status lines and stack traces, or prose. The first prose line is not
/// taken for the question when it is in fact the start of a manifest or a log.
/// </summary>
public static partial class ArtefactDetector
{
    private enum Line { Prose, Blank, Yaml, Docker, Log }

    /// <summary>Splits <paramref name="text"/> into words and pasted artefacts.</summary>
    public static PastedArtefacts Detect(string text)
    {
        var fences = Fence().Matches(text);
        if (fences.Count > 0)
        {
            var words = Fence().Replace(text, " ").Trim();
            var body = string.Join('\n', fences.Select(f => f.Groups["body"].Value));
            // Words around a fence can hold unfenced artefacts too (a log line before the fence).
            var outside = Classify(words);
            var inside = Classify(body);
            return Build(string.Join('\n', outside.Where(l => l.Kind is Line.Prose).Select(l => l.Text)).Trim(),
                body + (outside.Any(l => l.Kind is not (Line.Prose or Line.Blank)) ? "\n" + string.Join('\n', outside.Where(l => l.Kind is not Line.Prose).Select(l => l.Text)) : ""),
                inside.Concat(outside.Where(l => l.Kind is not Line.Prose)).ToList());
        }
        var lines = Classify(text);
        if (lines.All(l => l.Kind is Line.Prose or Line.Blank)) return new PastedArtefacts(text.Trim(), null, null, null, [], false);
        var prose = lines.Where(l => l.Kind is Line.Prose).Select(l => l.Text);
        var pasted = lines.Where(l => l.Kind is not Line.Prose).Select(l => l.Text);
        return Build(string.Join('\n', prose).Trim(), string.Join('\n', pasted).Trim('\n'), lines.Where(l => l.Kind is not Line.Prose).ToList());
    }

    private static PastedArtefacts Build(string words, string paste, IReadOnlyList<(Line Kind, string Text)> lines)
    {
        var yaml = lines.Where(l => l.Kind is Line.Yaml or Line.Blank).Select(l => l.Text).ToList();
        var manifest = yaml.Any(l => ApiVersion().IsMatch(l)) && yaml.Any(l => KindLine().IsMatch(l)) ? string.Join('\n', yaml).Trim('\n') : null;
        var docker = lines.Where(l => l.Kind is Line.Docker).Select(l => l.Text).ToList();
        var instructions = docker.Count(l => Instruction().IsMatch(l));
        var dockerfile = instructions >= 3 || (instructions >= 2 && docker.Any(l => FromLine().IsMatch(l))) ? string.Join('\n', docker) : null;
        var log = lines.Where(l => l.Kind is Line.Log).Select(l => l.Text).ToList();
        // A Warning event is an error report on its own: a manifest pasted next to it is context for the error.
        var strong = lines.Any(l => EventsHeader().IsMatch(l.Text) || StatusHeader().IsMatch(l.Text) || TraceStart().IsMatch(l.Text) || WarningEvent().IsMatch(l.Text));
        if (manifest is null && dockerfile is null && log.Count == 0 && paste.Trim().Length > 0)
        {
            // A fenced block that is neither: keep it as the paste with no artefact, so words still decide.
            return new PastedArtefacts(words, paste, null, null, [], false);
        }
        return new PastedArtefacts(words, paste, manifest, dockerfile, log, strong);
    }

    private static List<(Line Kind, string Text)> Classify(string text)
    {
        var result = new List<(Line, string)>();
        var continuation = false;
        var inYaml = false;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            Line kind;
            if (line.Trim().Length == 0) kind = Line.Blank;
            else if (continuation) kind = Line.Docker;
            else if (IsLog(line) && !AsksAboutState(line)) kind = Line.Log;
            else if (Instruction().IsMatch(line)) kind = Line.Docker;
            else if (ApiVersion().IsMatch(line) || KindLine().IsMatch(line) || line == "---") { kind = Line.Yaml; inYaml = true; }
            // A comment inside a manifest ("# Source: chart/templates/deployment.yaml" of helm template) is part of it.
            else if (inYaml && (YamlLine().IsMatch(line) || line.StartsWith(' ') || line.StartsWith('-') || line.StartsWith('#'))) kind = Line.Yaml;
            else if (DescribeField().IsMatch(line) || line.StartsWith("  ") || line.StartsWith('\t')) kind = Line.Log;
            else kind = Line.Prose;
            if (kind is Line.Prose) inYaml = false;
            continuation = kind is Line.Docker && line.EndsWith('\\');
            result.Add((kind, line));
        }
        return result;
    }

    private static bool IsLog(string line) =>
        EventRow().IsMatch(line) || EventsHeader().IsMatch(line) || StatusHeader().IsMatch(line) || StatusRow().IsMatch(line)
        || Timestamp().IsMatch(line) || TraceStart().IsMatch(line) || TraceFrame().IsMatch(line) || ErrorLine().IsMatch(line) || KeyedFailure().IsMatch(line)
        || ToolOutput().IsMatch(line) || QualifiedException().IsMatch(line) || TerminalOutput().IsMatch(line) || JsonRecord().IsMatch(line);

    // "Was bedeutet CrashLoopBackOff genau?", "my pod is OOMKilled, what do I do?": a question that is a log line only by
    // the CamelCase reason it names is the asker's words; a status row or an error message is still a log line.
    private static bool AsksAboutState(string line) => line.TrimEnd().EndsWith('?') && !IsLog(CamelCaseReason().Replace(line, " "));

    [GeneratedRegex(@"\b[A-Z]\w*[a-z]\w*[A-Z]\w*\b")]
    private static partial Regex CamelCaseReason();

    // A structured log record or API error body, one JSON object per line ({"level":"error","ts":…,"msg":…}, as zap,
    // slog, logrus and controller-runtime print; Serilog's compact {"@t":…,"@mt":…}; {"error":{…}} of an HTTP API).
    // Its keys say it is a record, not a request.
    [GeneratedRegex(@"^\s*\{\s*""(level|lvl|severity|ts|time|timestamp|@timestamp|@t|@l|@m|@mt|msg|message|logger|caller|error|err)""\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex JsonRecord();

    // Terminal output by its shape rather than its words: a shell prompt with the command that was run, kubectl's
    // result lines ("configmap/x created"), a compiler's file:line:col diagnostic, logfmt records ("time=… level=error
    // msg=…"), and the upper-case "KEY: value" status block Helm and other CLIs print ("STATUS: deployed").
    [GeneratedRegex(@"^\s*(\$ [\w./-]+|[a-z][\w.-]*/[\w.-]+ (created|configured|unchanged|deleted|patched|serverside-applied)\b|[\w./\\-]+\.[A-Za-z]{1,5}:\d+(:\d+)?: \S|(\w+=(""[^""]*""|\S+)\s+)*level=(trace|debug|info|warn|warning|error|fatal|panic)\s|[A-Z]{2,}( [A-Z]{2,})*:(\s|$))")]
    private static partial Regex TerminalOutput();

    // Output of tools people paste whole: docker build (BuildKit "#9 1.87 …", classic "Step 6/9 :"), a
    // torchrun rank prefix, a dmesg timestamp, a Terraform box, a compiler's "error[E0382]:", git's CONFLICT,
    // a lower-case tool name followed by an upper-case severity ("npm ERR!", "gyp ERR!", "npm WARN").
    [GeneratedRegex(@"^\s*([a-z][\w.-]* (ERR!|ERROR|WARN)(\s|$)|#\d+ (\[|\d+\.\d+ |ERROR|DONE|CACHED|sha256:)|Step \d+/\d+ : |---> |> \[|\d+ \| |\[(rank|default)\d+\]:|\[\w{3} \w{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}\]|\[\s*\d+\.\d+\] |[│|]\s*Error:|error\[\w+\]:|CONFLICT \(|Automatic merge failed|ERROR in |Module not found: Error|[\w.]+\.errors?\.\w+:)")]
    private static partial Regex ToolOutput();

    // An exception as Python and the JVM print it, qualified by its module or package, whatever its class is
    // called ("django.db.migrations.exceptions.InconsistentMigrationHistory: …", "java.util.NoSuchElementException: …").
    [GeneratedRegex(@"^\s*([a-z_][a-z0-9_]*\.){2,}[A-Z][A-Za-z0-9]+: \S")]
    private static partial Regex QualifiedException();

    [GeneratedRegex(@"^\s*Warning\s+[A-Z]\w+\s+")]
    private static partial Regex WarningEvent();

    // "foo.bar.Baz: frobnication failed with error 0x2a": a component, a colon, then a failure word; the component may
    // carry its file and line ("psql:migrate.sql:12: ERROR:  relation … does not exist").
    [GeneratedRegex(@"^\s*[\w.\-/\[\]]+(:[\w.\-/\[\]]+)*:\s.*\b(error|exception|failed|failure|fatal|panic|denied|refused|timed out|killed|not found|unauthorized|forbidden)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KeyedFailure();

    [GeneratedRegex(@"```[ \t]*(?<lang>[\w.+-]*)[ \t]*\r?\n(?<body>.*?)(```|$)", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*apiVersion\s*:\s*\S+")]
    private static partial Regex ApiVersion();

    [GeneratedRegex(@"^\s*kind\s*:\s*[A-Z]\w+\s*$")]
    private static partial Regex KindLine();

    [GeneratedRegex(@"^\s*(- )?[\w.\-/""']+\s*:(\s|$)")]
    private static partial Regex YamlLine();

    // Dockerfile instructions are written in capitals; lower-case "from" or "run" is prose.
    [GeneratedRegex(@"^\s*(FROM|RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|USER|WORKDIR|EXPOSE|ARG|LABEL|HEALTHCHECK|SHELL|VOLUME|STOPSIGNAL|ONBUILD|MAINTAINER)\s+\S")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"^\s*FROM\s+\S+")]
    private static partial Regex FromLine();

    // An event row as describe prints it, or as `kubectl get events [-A]` does, behind its namespace and LAST SEEN age
    // ("2m   Normal   ScalingReplicaSet   deployment/vllm   Scaled up …" is a log line, not the asker's words).
    [GeneratedRegex(@"^\s*(([a-z0-9][a-z0-9\-]*\s+)?(\d+[smhd][\dsmh]*(\s+\(x\d+ over \S+\))?|<unknown>)\s+)?(Warning|Normal)\s{1,}[A-Z]\w+\s+")]
    private static partial Regex EventRow();

    [GeneratedRegex(@"^\s*(Type\s+Reason\s+Age|LAST SEEN\s+TYPE\s+REASON|Events:\s*$)")]
    private static partial Regex EventsHeader();

    [GeneratedRegex(@"^\s*NAME\s+READY\s+STATUS|^\s*NAME\s+STATUS\s+")]
    private static partial Regex StatusHeader();

    // A pod row without its header: name, READY, then a STATUS of any reason (ContainerStatusUnknown, CreateContainerConfigError, …) and RESTARTS.
    [GeneratedRegex(@"^\S+\s+\d+/\d+\s+(CrashLoopBackOff|Error|OOMKilled|ImagePullBackOff|ErrImagePull|Pending|ContainerCreating|Init:\S+|Evicted|Completed|Running)\b|^\S+\s+\d+/\d+\s+[A-Z][A-Za-z]+\s+\d+\b")]
    private static partial Regex StatusRow();

    // A timestamp opening the line, also behind a log level ("[I 2025-10-16 08:30:02.117 JupyterHub …]", as
    // tornado/traitlets apps print), with slashes ("2025/10/16 11:20:43 [error]", as nginx and Go's log print), and
    // behind the process tag a supervisor puts before each line it forwards ("(raylet) [2024-…", "(pid=412) 2024-…").
    [GeneratedRegex(@"^\s*(\([\w=,.:\- ]+\)\s+)?\[?([A-Z] )?(\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}|\w{3} +\d{1,2} \d{2}:\d{2}:\d{2}|[IWEF]\d{4} \d{2}:\d{2}:\d{2}|\d{2}:\d{2}:\d{2}[.,]\d+)")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"Traceback \(most recent call last\)|^\s*(Exception in thread|panic:|goroutine \d+ \[|thread '[^']*' panicked at )")]
    private static partial Regex TraceStart();

    [GeneratedRegex(@"^\s*(File "".+"", line \d+|at [\w.$<>`]+\(.*\)|at [\w.$<>]+ in .+:line \d+)")]
    private static partial Regex TraceFrame();

    [GeneratedRegex(@"^\s*(\w[\w.]*(Error|Exception)\b|ERROR\b|FATAL\b|fatal:|error:|Error:|Error from server|The \w+ ""[^""]+"" is invalid:|[\w.]+ ""[^""]+"" is forbidden:|E\d{4}|W\d{4}|CRITICAL\b|Killed$|OOMKilled|.*\b(exit(ed)? (with )?(code|status)\s*:?\s*\d+|Back-off restarting|Failed to pull image|ErrImagePull|ImagePullBackOff|CrashLoopBackOff|failed to solve|Segmentation fault|core dumped)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^\s*(Name|Namespace|Priority|Node|Start Time|Labels|Annotations|Status|IP|IPs|Controlled By|Containers|Container ID|Image|Image ID|Port|Host Port|State|Reason|Message|Last State|Exit Code|Started|Finished|Ready|Restart Count|Limits|Requests|Environment|Mounts|Conditions|Volumes|QoS Class|Node-Selectors|Tolerations|Events)\s*:")]
    private static partial Regex DescribeField();
}
