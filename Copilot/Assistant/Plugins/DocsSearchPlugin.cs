using System.ComponentModel;
using Collab.Copilot.Assistant.Safety;
using Collab.Copilot.Authoring.Redaction;
using Collab.Indexer.Retrieval;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Plugins;

/// <summary>Semantic Kernel plugin over the documentation index. Passages come back screened and redacted: they are data, never instructions, and carry no credentials.</summary>
public sealed class DocsSearchPlugin(IDocumentRetriever retriever)
{
    /// <summary>Kernel plugin name.</summary>
    public const string Name = "docs";

    /// <summary>The best <paramref name="k"/> passages for <paramref name="query"/>, best first.</summary>
    [KernelFunction("search"), Description("Searches the platform documentation; returns passages with their path#anchor citations.")]
    public async Task<IReadOnlyList<DocumentHit>> SearchAsync(
        [Description("Search query in English")] string query,
        [Description("How many passages")] int k = 4,
        CancellationToken cancellationToken = default)
    {
        var hits = await retriever.SearchAsync(query, k, cancellationToken);
        return hits.Select(h => h with { Text = InjectionScreen.Screen(SecretRedactor.Redact(h.Text).Text) }).ToList();
    }
}
