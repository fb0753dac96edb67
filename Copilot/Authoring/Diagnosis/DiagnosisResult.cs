namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>
/// What the diagnoser found in a paste: the matches ordered from the most specific (the primary
/// diagnosis) down, or none — in which case <see cref="Summary"/> says plainly that the error is
/// not a known signature and retrieval should take over.
/// </summary>
/// <param name="Matches">All recognised signatures, primary first.</param>
/// <param name="RedactedText">The paste after secret redaction; the only form of it that should be passed on.</param>
public sealed record DiagnosisResult(IReadOnlyList<Diagnosis> Matches, string RedactedText)
{
    /// <summary>True when at least one known signature matched.</summary>
    public bool IsKnown => Matches.Count > 0;

    /// <summary>The most specific match, or null when the error is not a known signature.</summary>
    public Diagnosis? Primary => Matches.Count > 0 ? Matches[0] : null;

    /// <summary>A plain-text summary fit for a chat reply or a model's context.</summary>
    public string Summary => Primary is null
        ? "This is not a known error signature; no deterministic diagnosis is available. A documentation search on the quoted error is the next step."
        : DiagnosisFormatter.Format(this);
}
