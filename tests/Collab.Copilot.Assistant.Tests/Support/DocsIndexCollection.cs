namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>Test classes that share one built index of docs-corpus/.</summary>
[CollectionDefinition(Name)]
public sealed class DocsIndexCollection : ICollectionFixture<DocsIndexFixture>
{
    public const string Name = "docs index";
}
