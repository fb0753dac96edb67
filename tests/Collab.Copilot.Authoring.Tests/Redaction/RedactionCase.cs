namespace Collab.Copilot.Authoring.Tests.Redaction;

/// <summary>A paste with secrets: the strings that must be gone, the kinds that must be reported, and strings that must survive.</summary>
public sealed class RedactionCase
{
    public string Name { get; set; } = "";
    public string Input { get; set; } = "";
    public List<string> Secrets { get; set; } = [];
    public List<string> Kinds { get; set; } = [];
    public List<string> Keep { get; set; } = [];
    /// <summary>Set K: the language the paste is written in.</summary>
    public string? Lang { get; set; }
}
