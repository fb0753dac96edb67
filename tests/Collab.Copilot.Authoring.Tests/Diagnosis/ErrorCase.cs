namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>A pasted error and the signature that must be the primary diagnosis (or null: not a known signature).</summary>
public sealed class ErrorCase
{
    public string Name { get; set; } = "";
    public string? Expect { get; set; }
    public List<string> Also { get; set; } = [];
    public string Paste { get; set; } = "";
}
