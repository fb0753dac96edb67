namespace Collab.Copilot.Authoring.Tests.Dockerfiles;

/// <summary>A Dockerfile request in words (with properties the draft must have) or a pasted Dockerfile with the rule ids (and lines) that must be reported.</summary>
public sealed class DockerfileCase
{
    public string Name { get; set; } = "";
    public string? Request { get; set; }
    public string? Dockerfile { get; set; }
    public List<string> BaseContains { get; set; } = [];
    public bool? MultiStage { get; set; }
    public List<string> Contains { get; set; } = [];
    public List<ExpectedRule> Expect { get; set; } = [];

    public sealed class ExpectedRule
    {
        public string Rule { get; set; } = "";
        public int? Line { get; set; }
    }
}
