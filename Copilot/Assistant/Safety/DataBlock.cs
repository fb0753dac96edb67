namespace Collab.Copilot.Assistant.Safety;

/// <summary>
/// Wraps untrusted text (a passage, a notebook) between markers that carry a per-request nonce,
/// so the text cannot close its own block and pose as instructions. Marker look-alikes inside
/// the text are defused.
/// </summary>
internal sealed class DataBlock(string nonce)
{
    public string Open(string label) => $"<<<DATA {nonce} {label}>>>";

    public string Close => $"<<<END DATA {nonce}>>>";

    public string Wrap(string label, string text) => $"{Open(label)}\n{Defuse(text)}\n{Close}";

    /// <summary>True when <paramref name="text"/> contains this request's markers (a model echoing its context).</summary>
    public bool Mentions(string text) => text.Contains(nonce, StringComparison.Ordinal);

    private static string Defuse(string text) => text.Replace("<<<", "‹‹‹").Replace(">>>", "›››");

    public static DataBlock Create() => new(Guid.NewGuid().ToString("N")[..12]);
}
