namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>A recognised error in a paste.</summary>
/// <param name="Signature">The signature that matched.</param>
/// <param name="QuotedLines">The pasted lines (redacted) that matched, with their 1-based line numbers.</param>
/// <param name="Commands">The signature's confirm commands with names taken from the paste filled in.</param>
public sealed record Diagnosis(ErrorSignature Signature, IReadOnlyList<QuotedLine> QuotedLines, IReadOnlyList<string> Commands)
{
    /// <summary>The signature id, e.g. <c>oom-killed</c>.</summary>
    public string Id => Signature.Id;
}
