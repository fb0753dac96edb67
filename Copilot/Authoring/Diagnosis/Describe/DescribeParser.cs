using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Diagnosis.Describe;

/// <summary>
/// Reads the structure of pasted <c>kubectl describe</c> and <c>kubectl get events</c> output (see
/// <see cref="DescribeOutput"/>). Tolerant of re-indented pastes: sections are found by their headers and
/// relative indentation, table rows by their shape, so a paste cut in the middle still yields what it shows.
/// </summary>
public static partial class DescribeParser
{
    public static DescribeOutput Parse(IReadOnlyList<string> lines) =>
        new(Events(lines), Containers(lines), Conditions(lines)) { Rows = GetTableReader.Read(lines) };

    /// <summary>
    /// The lines as the signature patterns should read them: the type of a condition row that states a
    /// normal state (or an unknown one, for a pressure) is blanked, so "MemoryPressure False …" or
    /// "DiskPressure Unknown …" is no evidence of pressure, while "Ready Unknown … Kubelet stopped posting
    /// node status" still is evidence of a lost node.
    /// </summary>
    public static string[] EvidenceView(IReadOnlyList<string> lines, DescribeOutput parsed)
    {
        // Escaped quotes of JSON and logfmt records (error="Get \"https://…\": x509 …") read as plain quotes; the
        // view keeps every line's length, so a match found in it clips the pasted line at the same place.
        var view = lines.Select(l => l.Replace("\\\"", " \"", StringComparison.Ordinal)).ToArray();
        // The columns `get events -o wide` prints after the message (FIRST SEEN, COUNT, NAME) are no part of it.
        for (var i = 0; i < view.Length; i++)
            if (WideEventTail().Match(view[i]) is { Success: true } tail && parsed.Events.Any(e => e.Line == i + 1))
                view[i] = view[i][..tail.Index] + new string(' ', tail.Length);
        // A healthy row of a `kubectl get` table is no evidence: a pod named "oom-check" that is Running 1/1 is fine.
        foreach (var row in parsed.Rows.Where(r => r.IsHealthy))
            view[row.Line - 1] = new string(' ', view[row.Line - 1].Length);
        // A container whose current state ended as "Completed" is done, not failing (an init container, a Job's pod);
        // only a Last State "Completed" of a restarting container says something.
        foreach (var container in parsed.Containers)
            if (container.StateReasonLine is { } line && string.Equals(container.StateReason, "Completed", StringComparison.Ordinal))
                view[line - 1] = new string(' ', view[line - 1].Length);
        foreach (var row in parsed.Conditions.Where(c => !c.ReportsProblem))
        {
            var i = row.Line - 1;
            var at = view[i].IndexOf(row.Type, StringComparison.Ordinal);
            if (at >= 0) view[i] = view[i][..at] + new string(' ', row.Type.Length) + view[i][(at + row.Type.Length)..];
            // Its reason goes with it: "KubeletHasNoDiskPressure" names the problem it denies.
            view[i] = KubeletReason().Replace(view[i], m => new string(' ', m.Length));
        }
        // The message after a kubelet reason only restates the row's type in prose: "kubelet has insufficient memory
        // available" is MemoryPressure, not the scheduler's "Insufficient memory"; the type is the evidence.
        foreach (var row in parsed.Conditions)
            if (KubeletMessage().Match(view[row.Line - 1]) is { Success: true } message)
                view[row.Line - 1] = view[row.Line - 1][..message.Index] + new string(' ', message.Length);
        return view;
    }

    private static List<EventRow> Events(IReadOnlyList<string> lines)
    {
        var rows = new List<EventRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (DescribeEvent().Match(lines[i]) is { Success: true } d)
                rows.Add(new EventRow(i + 1, d.Groups["type"].Value, d.Groups["reason"].Value, d.Groups["from"].Value, d.Groups["message"].Value.Trim()));
            else if (GetEvent().Match(lines[i]) is { Success: true } g)
                rows.Add(new EventRow(i + 1, g.Groups["type"].Value, g.Groups["reason"].Value, g.Groups["object"].Value, g.Groups["message"].Value.Trim()));
        }
        return rows;
    }

    private static List<ContainerStatus> Containers(IReadOnlyList<string> lines)
    {
        var result = new List<ContainerStatus>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (ContainersHeader().Match(lines[i]) is not { Success: true } header) continue;
            var sectionIndent = Indent(lines[i]);
            int? nameIndent = null;
            Builder? current = null;
            var j = i + 1;
            for (; j < lines.Count; j++)
            {
                var line = lines[j];
                if (line.Trim().Length == 0) continue;
                var indent = Indent(line);
                if (indent <= sectionIndent) break;
                nameIndent ??= indent;
                if (indent == nameIndent && ContainerName().Match(line) is { Success: true } name)
                {
                    if (current is not null) result.Add(current.Build());
                    current = new Builder(name.Groups[1].Value, j + 1);
                    continue;
                }
                current?.Read(line, j + 1);
            }
            if (current is not null) result.Add(current.Build());
            i = j - 1;
        }
        return result;
    }

    private static List<ConditionRow> Conditions(IReadOnlyList<string> lines)
    {
        var rows = new List<ConditionRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!ConditionsHeader().IsMatch(lines[i])) continue;
            var sectionIndent = Indent(lines[i]);
            for (var j = i + 1; j < lines.Count; j++)
            {
                var line = lines[j];
                if (line.Trim().Length == 0) continue;
                if (Indent(line) <= sectionIndent && !ConditionRowShape().IsMatch(line)) break;
                if (ConditionRowShape().Match(line) is { Success: true } row) rows.Add(new ConditionRow(j + 1, row.Groups["type"].Value, row.Groups["status"].Value));
                i = j;
            }
        }
        return rows;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    /// <summary>Accumulates one container section; "Reason:" and "Exit Code:" belong to the State or Last State above them.</summary>
    private sealed class Builder(string name, int line)
    {
        private string? _state, _stateReason, _lastState, _lastReason;
        private int? _exitCode, _stateReasonLine;
        private bool _inLast;
        private readonly List<(int, int)> _ports = [];
        private readonly List<ProbeSpec> _probes = [];

        public void Read(string text, int lineNo)
        {
            if (Field().Match(text) is not { Success: true } f) return;
            var key = f.Groups["key"].Value;
            var value = f.Groups["value"].Value.Trim();
            switch (key)
            {
                case "State": _state = value; _inLast = false; break;
                case "Last State": _lastState = value; _inLast = true; break;
                case "Reason" when _inLast: _lastReason = value; break;
                case "Reason": _stateReason = value; _stateReasonLine = lineNo; break;
                case "Exit Code" when int.TryParse(value, out var code) && (_inLast || _exitCode is null): _exitCode = code; break;
                case "Port" or "Ports":
                    foreach (Match p in PortValue().Matches(value)) _ports.Add((int.Parse(p.Groups[1].Value), lineNo));
                    break;
                case "Liveness" or "Readiness" or "Startup":
                    if (ProbePort().Match(value) is { Success: true } probe) _probes.Add(new ProbeSpec(key, int.Parse(probe.Groups[1].Value), lineNo));
                    break;
                case "Ready" or "Restart Count": _inLast = false; break;
            }
        }

        public ContainerStatus Build() => new(name, line, _state, _stateReason, _lastState, _lastReason, _exitCode, _ports, _probes) { StateReasonLine = _stateReasonLine };
    }

    [GeneratedRegex(@"^\s*(Init )?Containers:\s*$")]
    private static partial Regex ContainersHeader();

    [GeneratedRegex(@"^\s*([a-z0-9][a-z0-9.\-]*):\s*$")]
    private static partial Regex ContainerName();

    [GeneratedRegex(@"^\s*(?<key>State|Last State|Reason|Exit Code|Port|Ports|Liveness|Readiness|Startup|Ready|Restart Count):\s*(?<value>.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"(\d{1,5})/(TCP|UDP|SCTP)")]
    private static partial Regex PortValue();

    // "http-get http://:8080/healthz", "tcp-socket :5432", "grpc <pod>:9090"; a named port is not a number and is skipped.
    [GeneratedRegex(@"^(?:http-get\s+https?://[^:/\s]*|tcp-socket\s+[^:\s]*|grpc\s+\S*?):(\d{1,5})\b")]
    private static partial Regex ProbePort();

    [GeneratedRegex(@"^\s*Conditions:\s*$")]
    private static partial Regex ConditionsHeader();

    [GeneratedRegex(@"^\s*(?<type>[A-Z][A-Za-z]+)\s+(?<status>True|False|Unknown)\b")]
    private static partial Regex ConditionRowShape();

    [GeneratedRegex(@"\bKubeletHas\w*")]
    private static partial Regex KubeletReason();

    [GeneratedRegex(@"\bkubelet has .*$")]
    private static partial Regex KubeletMessage();

    // Describe's Events table: "Warning  FailedScheduling  2m (x3 over 5m)  default-scheduler  0/3 nodes …".
    [GeneratedRegex(@"^\s*(?<type>Normal|Warning)\s+(?<reason>[A-Z]\w+)\s+(?<age>\S+(?: \(x\d+ over \S+\))?)\s+(?<from>\S+(?:, \S+)*)\s+(?<message>\S.*)$")]
    private static partial Regex DescribeEvent();

    // What `kubectl get events -o wide` prints after the message: FIRST SEEN, COUNT and the event's name (object.hex).
    [GeneratedRegex(@"\s{2,}(\d+[smhd][\dsmh]*|<unknown>)\s+\d+\s+[a-z0-9][\w.\-]*\.[0-9a-f]{8,}\s*$")]
    private static partial Regex WideEventTail();

    // kubectl get events: "[NAMESPACE] LAST SEEN  TYPE  REASON  OBJECT  MESSAGE".
    [GeneratedRegex(@"^\s*(?:[a-z0-9][a-z0-9\-]*\s+)?(?<age>\S+(?: \(x\d+ over \S+\))?)\s+(?<type>Normal|Warning)\s+(?<reason>[A-Z]\w+)\s+(?<object>[a-z][\w.\-]*/\S+)\s+(?<message>\S.*)$")]
    private static partial Regex GetEvent();
}
