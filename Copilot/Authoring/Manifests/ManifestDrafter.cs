namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Drafts manifests without a model: words → <see cref="ManifestSpec"/> → YAML, validated by our own validator before it is returned.</summary>
public static class ManifestDrafter
{
    /// <summary>Drafts from a request in words.</summary>
    public static ManifestDraft Draft(string request)
    {
        var spec = ManifestRequestParser.Parse(request, out var assumptions);
        return FromSpec(spec, assumptions);
    }

    /// <summary>Drafts from a structured spec (e.g. one a model filled under <see cref="ManifestSpec.JsonSchema"/>).</summary>
    public static ManifestDraft FromSpec(ManifestSpec spec, IReadOnlyList<Wording.Note>? assumptions = null)
    {
        var yaml = ManifestRenderer.Render(spec);
        return new ManifestDraft(spec, yaml, assumptions ?? [], ManifestValidator.Validate(yaml));
    }
}
