using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Diagnosis.Builds;
using Collab.Copilot.Authoring.Diagnosis.Describe;
using Collab.Copilot.Authoring.Diagnosis.Traces;
using Collab.Copilot.Authoring.Redaction;

namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>
/// Recognises known error signatures in pasted text — a bare error line, a stack trace, or a long
/// <c>kubectl describe</c> / log dump — and explains them. The paste is redacted first, so quotes
/// never carry secrets.
/// </summary>
public static class ErrorDiagnoser
{
    private const int MaxQuotedLines = 6;
    private const int MaxLineLength = 300;

    // A few messages answered at once each diagnose their text at most twice in a row (understanding, then the answer).
    private static readonly RecentDiagnoses Recent = new(capacity: 16);

    /// <summary>Diagnoses <paramref name="paste"/> against <see cref="SignatureCatalog.All"/>, once per text however many steps of a message ask.</summary>
    public static DiagnosisResult Diagnose(string paste) => Recent.GetOrAdd(paste, text => Diagnose(text, SignatureCatalog.All));

    /// <summary>Diagnoses <paramref name="paste"/> against the given signatures.</summary>
    public static DiagnosisResult Diagnose(string paste, IReadOnlyList<ErrorSignature> signatures)
    {
        var redacted = SecretRedactor.Redact(paste).Text;
        var lines = redacted.Replace("\r\n", "\n").Split('\n');
        var context = PasteContext.From(redacted);
        // kubectl describe/events structure: healthy condition rows are no evidence, and declared ports and
        // probes are facts a signature can use when no line states them.
        var described = DescribeParser.Parse(lines);
        // A `kubectl get` table names the object in trouble: the first row that is not healthy, when nothing else named one.
        if (context.Pod is null && described.Rows.FirstOrDefault(r => r.Ready is not null && !r.IsHealthy) is { } troubled)
            context = context with { Pod = troubled.Name };
        var view = DescribeParser.EvidenceView(lines, described);
        BuildLogReader.BlankStepPrefixes(view);
        var viewText = string.Join('\n', view);
        var structured = StructuredFacts.From(described);
        // An exception that was being handled when a later one broke is context, not the failure.
        var handled = TracebackReader.HandledLines(lines);

        var matches = new List<(Diagnosis Diagnosis, int FirstLine)>();
        foreach (var signature in signatures)
        {
            if (signature.Requires.Count > 0 && !signature.Requires.Any(r => view.Any(r.IsMatch))) continue;
            var quoted = Quote(lines, view, signature.Patterns);
            var specific = quoted.Any(q => !handled.Contains(q.Line));
            if (quoted.Count == 0) quoted = Quote(lines, view, signature.Weak);
            if (quoted.Count == 0) continue;
            var facts = Facts(viewText, signature);
            var factLines = new List<int>();
            foreach (var name in signature.Facts.Keys)
                if (!facts.ContainsKey(name) && structured.TryGetValue(name, out var known))
                {
                    facts[name] = known.Value;
                    factLines.Add(known.Line);
                }
            if (signature.DistinctFacts.Count > 0 && !AllFoundAndDistinct(facts, signature.DistinctFacts)) continue;
            // Lines that carry a fact (the app's own "listening on" line) are evidence too.
            foreach (var fact in signature.Facts.Values)
                for (var i = 0; i < lines.Length; i++)
                    if (fact.IsMatch(view[i]) && quoted.All(q => q.Line != i + 1)) quoted.Add(new QuotedLine(i + 1, Clip(lines[i], fact.Match(lines[i]))));
            foreach (var line in factLines)
                if (quoted.All(q => q.Line != line)) quoted.Add(new QuotedLine(line, Clip(lines[line - 1], null)));
            quoted.Sort((a, b) => a.Line.CompareTo(b.Line));
            var commands = signature.Commands.Select(context.Fill).ToList();
            matches.Add((new Diagnosis(signature, quoted.Take(MaxQuotedLines).ToList(), commands, facts, specific), quoted[0].Line));
        }

        // Specific evidence first (an eviction event beats a bare exit code 137), then the more
        // specific signature, then whatever the paste shows first.
        var ordered = matches
            .OrderByDescending(m => m.Diagnosis.Specific)
            .ThenByDescending(m => m.Diagnosis.Signature.Priority)
            .ThenBy(m => m.FirstLine)
            .Select(m => m.Diagnosis)
            .ToList();
        return new DiagnosisResult(ordered, redacted);
    }

    /// <summary>Lines whose evidence view matches a pattern, quoted as pasted (redacted).</summary>
    private static List<QuotedLine> Quote(string[] lines, string[] view, IReadOnlyList<Regex> patterns)
    {
        var quoted = new List<QuotedLine>();
        if (patterns.Count == 0) return quoted;
        for (var i = 0; i < lines.Length; i++)
            if (patterns.Select(p => p.Match(view[i])).FirstOrDefault(m => m.Success) is { } match)
                quoted.Add(new QuotedLine(i + 1, Clip(lines[i], match)));
        return quoted;
    }

    private static Dictionary<string, string> Facts(string text, ErrorSignature signature)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, pattern) in signature.Facts)
            if (pattern.Match(text) is { Success: true } match && match.Groups.Count > 1) facts[name] = match.Groups[1].Value;
        return facts;
    }

    private static bool AllFoundAndDistinct(Dictionary<string, string> facts, IReadOnlyList<string> names)
    {
        var values = names.Select(n => facts.GetValueOrDefault(n)).ToList();
        return values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count;
    }

    /// <summary>
    /// Bounds a quoted line. A long line keeps its beginning and, when the evidence lies beyond it, the
    /// part around the evidence: a pull error's "x509: certificate signed by unknown authority" comes
    /// after 250 characters of image references and must not be cut off.
    /// </summary>
    private static string Clip(string raw, Match? evidence)
    {
        var line = raw.Trim();
        if (line.Length <= MaxLineLength) return line;
        var at = evidence is { Success: true } ? evidence.Index - (raw.Length - raw.TrimStart().Length) : 0;
        if (evidence is not { Success: true } || at + evidence.Length <= MaxLineLength)
            return line[..MaxLineLength] + "…";
        // The end of a match is its most telling part ("Failed to pull image … x509: …" matches from its start).
        const int Head = 100;
        var end = Math.Min(line.Length, at + evidence.Length + 80);
        var start = Math.Max(Head, end - (MaxLineLength - Head));
        return line[..Head] + " … " + line[start..end] + (end < line.Length ? "…" : "");
    }
}
