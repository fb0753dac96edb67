using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>
/// One known error: the regexes that recognise it in pasted text, what causes it, how to fix it,
/// the read-only commands that confirm it, and the doc page it relies on.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>crash-loop-backoff</c>.</param>
/// <param name="Title">Short human title.</param>
/// <param name="Priority">Specificity: when several signatures match, the highest is the primary diagnosis (root causes outrank generic states).</param>
/// <param name="Patterns">Case-insensitive regexes, any of which recognises the error on a line (specific evidence).</param>
/// <param name="Cause">Why it happens.</param>
/// <param name="Fix">What to change.</param>
/// <param name="Commands">Read-only commands to confirm; <c>{pod}</c>, <c>{namespace}</c>, <c>{node}</c>, <c>{pvc}</c>, <c>{job}</c> are filled from the paste.</param>
/// <param name="Doc">Doc reference, <c>docs-corpus/path.md#anchor</c>.</param>
/// <remarks>
/// <see cref="Weak"/>: regexes for generic evidence that only suggests the error (exit code 137 without
/// "OOMKilled"); a signature matched only by these ranks below every signature with specific evidence.
/// <see cref="Facts"/>: named regexes whose first group is taken from the paste (a port, a registry) and
/// filled into <c>{name}</c> placeholders of cause and fix. <see cref="DistinctFacts"/>: facts that must
/// all be found and differ from each other for the signature to match (a probe port that is not the app's port).
/// <see cref="Requires"/>: regexes of which one must match some line of the paste for the signature to apply at
/// all — the same refusal line means a pull problem or a push problem depending on what the paste shows around it.
/// </remarks>
public sealed record ErrorSignature(
    string Id,
    string Title,
    int Priority,
    IReadOnlyList<Regex> Patterns,
    string Cause,
    string Fix,
    IReadOnlyList<string> Commands,
    string Doc)
{
    public IReadOnlyList<Regex> Weak { get; init; } = [];

    public IReadOnlyDictionary<string, Regex> Facts { get; init; } = new Dictionary<string, Regex>();

    public IReadOnlyList<string> DistinctFacts { get; init; } = [];

    public IReadOnlyList<Regex> Requires { get; init; } = [];
}
