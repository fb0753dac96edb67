namespace Collab.Copilot.Authoring.Manifests;

/// <summary>A finding plus, when the fixer can repair it without guessing intent, the change that repairs it in the YAML tree.</summary>
internal sealed record ManifestIssue(ManifestFinding Finding, Action? Apply, string? FixDescription);
