namespace Collab.Copilot.Authoring.Tests.Manifests;

/// <summary>A pasted manifest with known defects: each expected finding's rule and path (prefix), and whether the fix must come out clean.</summary>
public sealed class ManifestDefectCase
{
    public string Name { get; set; } = "";
    public string Manifest { get; set; } = "";
    public List<ExpectedFinding> Expect { get; set; } = [];
    public bool FixClean { get; set; } = true;

    /// <summary>Set D: the language the case is asked in through the whole copilot, and the words asked with it.</summary>
    public string? Lang { get; set; }
    public string? Ask { get; set; }

    public sealed class ExpectedFinding
    {
        public string Rule { get; set; } = "";
        public string? Path { get; set; }
        public int? Line { get; set; }
    }
}
