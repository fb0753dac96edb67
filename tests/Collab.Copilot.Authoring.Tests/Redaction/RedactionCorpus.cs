namespace Collab.Copilot.Authoring.Tests.Redaction;

/// <summary>The redaction cases under Cases/redaction, one class per file (provider-tokens, urls, negatives…).</summary>
internal static class RedactionCorpus
{
    public const string Negatives = "negatives";

    public static IReadOnlyList<(string Class, List<RedactionCase> Cases)> Classes() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Cases", "redaction"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), CaseFiles.Load<RedactionCase>(Path.Combine("redaction", Path.GetFileName(path)))))
            .ToList();

    public static IEnumerable<RedactionCase> All() => Classes().SelectMany(c => c.Cases);
}
