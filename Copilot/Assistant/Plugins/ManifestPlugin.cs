using System.ComponentModel;
using Collab.Copilot.Authoring.Manifests;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Plugins;

/// <summary>Semantic Kernel plugin over the manifest drafter, validator and fixer.</summary>
public sealed class ManifestPlugin
{
    /// <summary>Kernel plugin name.</summary>
    public const string Name = "manifests";

    /// <summary>Drafts a manifest from words with the deterministic drafter.</summary>
    [KernelFunction("draft"), Description("Drafts a Kubernetes manifest from a request in words.")]
    public ManifestDraft Draft([Description("The request in words")] string request) => ManifestDrafter.Draft(request);

    /// <summary>Renders a manifest from a spec a model filled under <see cref="ManifestSpec.JsonSchema"/>.</summary>
    [KernelFunction("draft_from_spec"), Description("Renders a manifest from a ManifestSpec JSON object.")]
    public ManifestDraft DraftFromSpec([Description("ManifestSpec JSON")] string specJson) => ManifestDrafter.FromSpec(ManifestSpec.FromJson(specJson));

    /// <summary>Validates YAML: syntax, schema and policy.</summary>
    [KernelFunction("validate"), Description("Validates Kubernetes YAML: syntax, schema, Pod Security restricted and platform policy.")]
    public ManifestValidationResult Validate([Description("The YAML")] string yaml) => ManifestValidator.Validate(yaml);

    /// <summary>Fixes what can be fixed without guessing, with a diff.</summary>
    [KernelFunction("fix"), Description("Auto-fixes Kubernetes YAML and returns the fixed text with a unified diff.")]
    public ManifestFixResult Fix([Description("The YAML")] string yaml) => ManifestFixer.Fix(yaml);
}
