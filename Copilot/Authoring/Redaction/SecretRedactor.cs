using System.Text;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Replaces secrets (tokens, passwords, keys, credentials in URLs and connection strings) with
/// <c>[REDACTED:kind]</c> before text reaches a model, a log or chat history. Only the secret part
/// is replaced, so the surrounding error stays readable. All rules look at the original text and
/// overlapping finds merge into one marker, so markers never nest, and redacting redacted text
/// changes nothing. For text that arrives in pieces (a model's stream) use <see cref="StreamingRedactor"/>.
/// </summary>
public static class SecretRedactor
{
    private static readonly Regex Marker = new(@"\[REDACTED(?::[a-z0-9-]+)?\]", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // Most specific first: a merged span is named for the first of its finds.
    private static readonly (SecretPattern[] Patterns, int Rank)[] PatternSets =
    [
        (TokenShapes.All, SecretSpan.ShapeRank),
        (CommandLineSecrets.All, SecretSpan.CommandRank),
        (UrlCredentials.All, SecretSpan.UrlRank),
        (SecretAssignments.Patterns, SecretSpan.AssignmentRank),
    ];

    /// <summary>Redacts every recognised secret in <paramref name="text"/>.</summary>
    public static RedactionResult Redact(string text)
    {
        var spans = Find(text);
        if (spans.Count == 0) return new RedactionResult(text, []);
        var redactions = new List<RedactedSpan>(spans.Count);
        var output = new StringBuilder(text.Length);
        var copied = 0;
        var line = 1;
        foreach (var span in spans)
        {
            line += text.AsSpan(copied, span.Start - copied).Count('\n');
            output.Append(text, copied, span.Start - copied).Append(MarkerFor(span.Kind));
            redactions.Add(new RedactedSpan(span.Kind, line));
            line += text.AsSpan(span.Start, span.End - span.Start).Count('\n');
            copied = span.End;
        }
        output.Append(text, copied, text.Length - copied);
        return new RedactionResult(output.ToString(), redactions);
    }

    /// <summary>The marker that replaces a secret of <paramref name="kind"/>.</summary>
    public static string MarkerFor(string kind) => $"[REDACTED:{kind}]";

    /// <summary>
    /// The secrets in <paramref name="text"/>, sorted and merged so none overlap; finds that touch
    /// an existing marker are dropped (the text was redacted before).
    /// </summary>
    internal static List<SecretSpan> Find(string text)
    {
        // A scan that ran out of time once may only have lost the CPU (a stalled machine); a text that
        // defeats the patterns runs out again, and is then withheld whole (fail closed).
        var found = TryFind(text) ?? TryFind(text);
        if (found is null) return [new SecretSpan(0, text.Length, "unscanned", SecretSpan.ShapeRank)];
        if (found.Count == 0) return found;
        var markers = Marker.Matches(text).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        if (markers.Count > 0) found.RemoveAll(s => markers.Any(m => s.Overlaps(m.Start, m.End)));
        return Merge(found);
    }

    private static List<SecretSpan>? TryFind(string text)
    {
        var found = new List<SecretSpan>();
        try
        {
            foreach (var (patterns, rank) in PatternSets)
                foreach (var pattern in patterns) pattern.Find(text, rank, found);
            KubernetesSecretData.Find(text, found);
            SecretAssignments.Find(text, found);
            ProseSecrets.Find(text, found);
            return found;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static List<SecretSpan> Merge(List<SecretSpan> found)
    {
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rank.CompareTo(b.Rank));
        var merged = new List<SecretSpan>(found.Count);
        foreach (var span in found)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                var kind = span.Rank < last.Rank ? span.Kind : last.Kind;
                merged[^1] = new SecretSpan(last.Start, Math.Max(last.End, span.End), kind, Math.Min(last.Rank, span.Rank));
            }
            else merged.Add(span);
        }
        return merged;
    }
}
