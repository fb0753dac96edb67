namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>
/// Every class in the docs index's collection carries <c>[Trait("Needs", "Corpus")]</c>: the index of
/// <c>docs-corpus/</c> is built for the first of them, so the seconds path (<c>Needs!=Corpus</c>,
/// docs/testing.md) must leave all of them out, or it pays for the build.
/// </summary>
public sealed class DocsIndexTraitTests
{
    [Fact]
    public void Classes_on_the_docs_index_say_they_need_the_corpus()
    {
        var onIndex = typeof(DocsIndexTraitTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute)
                && a.ConstructorArguments is [{ Value: DocsIndexCollection.Name }]))
            .ToList();
        Assert.NotEmpty(onIndex);
        var untagged = onIndex
            .Where(t => !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments is [{ Value: "Needs" }, { Value: "Corpus" }]))
            .Select(t => t.FullName).Order().ToList();
        Assert.True(untagged.Count == 0, $"On the docs index without [Trait(\"Needs\", \"Corpus\")]: {string.Join(", ", untagged)}");
    }
}
