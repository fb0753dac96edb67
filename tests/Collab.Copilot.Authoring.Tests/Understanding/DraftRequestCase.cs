namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>A multilingual manifest request and every value it states, which the draft must carry.</summary>
public sealed class DraftRequestCase
{
    public string Lang { get; set; } = "";
    public string Request { get; set; } = "";
    public string Intent { get; set; } = "ManifestDraft";
    /// <summary>The main kind, or alternatives separated by "|" when either is right.</summary>
    public string Kind { get; set; } = "";
    public List<string> Kinds { get; set; } = [];
    public string? Name { get; set; }
    public int? Replicas { get; set; }
    public string? Storage { get; set; }
    public string? StorageClass { get; set; }
    public string? AccessMode { get; set; }
    public int? ContainerPort { get; set; }
    public int? ServicePort { get; set; }
    public int? NodePort { get; set; }
    public string? ServiceType { get; set; }
    public string? Schedule { get; set; }
    public string? ImageContains { get; set; }
    public string? Gpu { get; set; }
    public int? GpuCount { get; set; }
    public List<string> Mounts { get; set; } = [];
    public List<string> Claims { get; set; } = [];
    public Dictionary<string, string> Labels { get; set; } = [];
    public Dictionary<string, string> Env { get; set; } = [];
    public string? Host { get; set; }
    public string? Cpu { get; set; }
    public string? Memory { get; set; }
    public string? CpuRequest { get; set; }
    public string? MemoryRequest { get; set; }
    public string? GpuModel { get; set; }
    public string? EnvFromSecret { get; set; }
    public int? Completions { get; set; }
    public List<string> YamlContains { get; set; } = [];
    public int? InitContainers { get; set; }
    public int? Containers { get; set; }
    public List<string> Tolerations { get; set; } = [];
    /// <summary>A kind the drafter cannot draft: the draft checker must name it as not honoured.</summary>
    public string? NotDrafted { get; set; }
    /// <summary>Text each of which one of the draft's assumptions (English wording) must contain: a value the drafter chose for the asker.</summary>
    public List<string> Assumes { get; set; } = [];
}

/// <summary>A multilingual Dockerfile request (with what the draft must contain) or a pasted Dockerfile with the rules that must be reported.</summary>
public sealed class DockerfileRequestCase
{
    public string Name { get; set; } = "";
    public string Lang { get; set; } = "";
    public string? Request { get; set; }
    public string? Dockerfile { get; set; }
    public List<string> BaseContains { get; set; } = [];
    public List<string> Contains { get; set; } = [];
    public bool? MultiStage { get; set; }
    public List<ExpectedRule> Expect { get; set; } = [];
    public List<string> Absent { get; set; } = [];

    public sealed class ExpectedRule
    {
        public string Rule { get; set; } = "";
        public int? Line { get; set; }
    }
}
