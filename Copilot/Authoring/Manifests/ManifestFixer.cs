namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Repairs what can be repaired without guessing the user's intent (misspelled fields, types,
/// security context, requests/limits, GPU limits, known image tags, probes, Kueue label/suspend,
/// selectors) and returns the fixed YAML with a unified diff. Anything it cannot decide stays in
/// <see cref="ManifestFixResult.Remaining"/>.
/// </summary>
public static class ManifestFixer
{
    private const int MaxRounds = 6;

    // Schema repairs run in rounds of their own first: policy fixes must see the corrected tree
    // (a misspelled "securityContex" is renamed before a new securityContext would be added).
    private static readonly HashSet<string> SchemaRules =
    [
        ManifestRules.ApiVersion, ManifestRules.UnknownKind, ManifestRules.UnknownField,
        ManifestRules.WrongType, ManifestRules.InvalidQuantity, ManifestRules.RequiredField,
    ];

    /// <summary>Fixes <paramref name="yaml"/>; <paramref name="fileName"/> only labels the diff.</summary>
    public static ManifestFixResult Fix(string yaml, string fileName = "manifest.yaml")
    {
        var session = ManifestSession.Load(yaml);
        var original = session.Analyze();
        var applied = new List<string>();
        var issues = original;
        for (var round = 0; round < MaxRounds; round++)
        {
            var fixable = issues.Where(x => x.Issue.Apply is not null).ToList();
            var schema = fixable.Where(x => SchemaRules.Contains(x.Issue.Finding.RuleId)).ToList();
            var batch = schema.Count > 0 ? schema : fixable;
            if (batch.Count == 0) break;
            foreach (var (doc, issue) in batch)
            {
                issue.Apply!();
                doc.Changed = true;
                var where = doc.Source.FirstLine > 1 || session.Documents.Count > 1 ? $"{issue.Finding.Kind}/{issue.Finding.Name}: " : "";
                applied.Add(where + issue.FixDescription);
            }
            issues = session.Analyze();
        }

        var fixedYaml = session.Documents.Any(d => d.Changed)
            ? ManifestWriter.Join(session.Documents.Select(d => d.Changed && d.Root is not null ? ManifestWriter.Write(d.Root) : d.Source.Text))
            : yaml;
        return new ManifestFixResult(
            fixedYaml,
            UnifiedDiff.Create(yaml, fixedYaml, fileName),
            applied.Distinct().ToList(),
            original.Select(x => x.Issue.Finding).ToList(),
            issues.Select(x => x.Issue.Finding).ToList());
    }
}
