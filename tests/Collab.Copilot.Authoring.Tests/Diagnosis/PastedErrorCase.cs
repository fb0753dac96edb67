namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>
/// A paste and the same need asked in several languages: <see cref="Ask"/> maps a language code
/// (en, hr, cs, ca, it, de) to the question written around the paste. <see cref="Expect"/> is the
/// primary diagnosis, or null when the paste holds nothing recognisable; <see cref="Secrets"/> must not
/// appear in the diagnosis.
/// </summary>
public sealed class PastedErrorCase
{
    public string Name { get; set; } = "";
    public string Class { get; set; } = "";
    public string? Expect { get; set; }
    public string Paste { get; set; } = "";
    public Dictionary<string, string> Ask { get; set; } = [];

    /// <summary>Strings in the paste that must never leave redacted form (tokens, passwords, keys).</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>Text of the line that shows the cause (set E on): the primary diagnosis must quote a line containing it.</summary>
    public string? Evidence { get; set; }

    /// <summary>One message per language: the question before the paste for some, after it for others, as people write.</summary>
    public IEnumerable<(string Language, string Message)> Messages() =>
        Ask.Select((ask, i) => (ask.Key, i % 2 == 0 ? $"{ask.Value}\n\n{Paste}" : $"{Paste}\n{ask.Value}"));
}
