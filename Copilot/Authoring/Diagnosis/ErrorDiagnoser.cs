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

    /// <summary>Diagnoses <paramref name="paste"/> against <see cref="SignatureCatalog.All"/>.</summary>
    public static DiagnosisResult Diagnose(string paste) => Diagnose(paste, SignatureCatalog.All);

    /// <summary>Diagnoses <paramref name="paste"/> against the given signatures.</summary>
    public static DiagnosisResult Diagnose(string paste, IReadOnlyList<ErrorSignature> signatures)
    {
        var redacted = SecretRedactor.Redact(paste).Text;
        var lines = redacted.Replace("\r\n", "\n").Split('\n');
        var context = PasteContext.From(redacted);

        var matches = new List<(Diagnosis Diagnosis, int FirstLine)>();
        foreach (var signature in signatures)
        {
            var quoted = Quote(lines, signature.Patterns);
            var specific = quoted.Count > 0;
            if (!specific) quoted = Quote(lines, signature.Weak);
            if (quoted.Count == 0) continue;
            var facts = Facts(redacted, signature);
            if (signature.DistinctFacts.Count > 0 && !AllFoundAndDistinct(facts, signature.DistinctFacts)) continue;
            // Lines that carry a fact (the app's own "listening on" line) are evidence too.
            foreach (var fact in signature.Facts.Values)
                for (var i = 0; i < lines.Length; i++)
                    if (fact.IsMatch(lines[i]) && quoted.All(q => q.Line != i + 1)) quoted.Add(new QuotedLine(i + 1, Clip(lines[i].Trim())));
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

    private static List<QuotedLine> Quote(string[] lines, IReadOnlyList<System.Text.RegularExpressions.Regex> patterns)
    {
        var quoted = new List<QuotedLine>();
        if (patterns.Count == 0) return quoted;
        for (var i = 0; i < lines.Length; i++)
            if (patterns.Any(p => p.IsMatch(lines[i]))) quoted.Add(new QuotedLine(i + 1, Clip(lines[i].Trim())));
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

    private static string Clip(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…";
}
