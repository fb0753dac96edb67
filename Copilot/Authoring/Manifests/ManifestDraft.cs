namespace Collab.Copilot.Authoring.Manifests;

/// <summary>A drafted manifest: the spec it came from, the YAML, the defaults that were assumed, and its validation.</summary>
public sealed record ManifestDraft(ManifestSpec Spec, string Yaml, IReadOnlyList<Wording.Note> Assumptions, ManifestValidationResult Validation);
