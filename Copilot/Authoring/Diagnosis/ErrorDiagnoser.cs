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
            var quoted = new List<QuotedLine>();
            for (var i = 0; i < lines.Length; i++)
            {
                if (!signature.Patterns.Any(p => p.IsMatch(lines[i]))) continue;
                quoted.Add(new QuotedLine(i + 1, Clip(lines[i].Trim())));
            }
            if (quoted.Count == 0) continue;
            var commands = signature.Commands.Select(context.Fill).ToList();
            matches.Add((new Diagnosis(signature, quoted.Take(MaxQuotedLines).ToList(), commands), quoted[0].Line));
        }

        var ordered = matches
            .OrderByDescending(m => m.Diagnosis.Signature.Priority)
            .ThenBy(m => m.FirstLine)
            .Select(m => m.Diagnosis)
            .ToList();
        return new DiagnosisResult(ordered, redacted);
    }

    private static string Clip(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…";
}
