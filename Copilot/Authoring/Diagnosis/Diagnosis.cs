namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>A recognised error in a paste.</summary>
/// <param name="Signature">The signature that matched.</param>
/// <param name="QuotedLines">The pasted lines (redacted) that matched, with their 1-based line numbers.</param>
/// <param name="Commands">The signature's confirm commands with names taken from the paste filled in.</param>
/// <param name="Facts">Values the signature's facts took from the paste (e.g. <c>probe_port</c> → <c>8080</c>).</param>
/// <param name="Specific">False when only generic evidence (the signature's weak patterns) matched.</param>
public sealed record Diagnosis(
    ErrorSignature Signature,
    IReadOnlyList<QuotedLine> QuotedLines,
    IReadOnlyList<string> Commands,
    IReadOnlyDictionary<string, string> Facts,
    bool Specific)
{
    /// <summary>The signature id, e.g. <c>oom-killed</c>.</summary>
    public string Id => Signature.Id;

    /// <summary>The cause with the facts from the paste filled in.</summary>
    public string Cause => Fill(Signature.Cause);

    /// <summary>The fix with the facts from the paste filled in.</summary>
    public string Fix => Fill(Signature.Fix);

    /// <summary>Replaces <c>{fact}</c> placeholders in a (possibly translated) text with the values from the paste.</summary>
    public string Fill(string text)
    {
        foreach (var (name, value) in Facts) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        foreach (var name in Signature.Facts.Keys) text = text.Replace("{" + name + "}", "<" + name + ">", StringComparison.Ordinal);
        return text.Trim();
    }
}
