namespace Collab.Copilot.Authoring.Tests.Manifests;

/// <summary>A manifest request in words and the properties its draft must have.</summary>
public sealed class ManifestRequestCase
{
    public string Request { get; set; } = "";
    public string Kind { get; set; } = "";
    public List<string> Kinds { get; set; } = [];
    public string? Gpu { get; set; }
    public int? GpuCount { get; set; }
    public Dictionary<string, string> Labels { get; set; } = [];
    public List<string> Mounts { get; set; } = [];
    public List<string> Claims { get; set; } = [];
    public int? Replicas { get; set; }
    public string? Schedule { get; set; }
    public string? ImageContains { get; set; }
    public int? ServicePort { get; set; }
    public string? Storage { get; set; }
    public Dictionary<string, string> Env { get; set; } = [];
    public List<string> Command { get; set; } = [];
}
