using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Plugins;
using Collab.Indexer.Retrieval;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>Cites the documentation pages behind a tool's result, so manifests, Dockerfiles and diagnoses carry sources too.</summary>
internal static class RelatedDocs
{
    /// <summary>Cites the best <paramref name="count"/> passages for <paramref name="query"/>; returns the "See also" line, or empty.</summary>
    public static async Task<string> CiteAsync(AnswerContext context, string query, int count, CancellationToken ct)
    {
        var hits = await context.CallAsync<IReadOnlyList<DocumentHit>>(DocsSearchPlugin.Name, "search",
            new KernelArguments { ["query"] = query, ["k"] = count }, ct);
        var markers = hits.Select(h => $"[{context.Cite(h.Path, h.Anchor, h.HeadingPath.Count > 0 ? string.Join(" › ", h.HeadingPath) : h.Title)}]").ToList();
        return markers.Count == 0 ? "" : $"{Phrases.Of(Phrase.SeeAlso, context.Language)}: {string.Join(" ", markers)}\n";
    }

    /// <summary>Cites a catalogue reference such as <c>docs-corpus/troubleshooting/pod-states.md#crashloopbackoff</c>.</summary>
    public static int CiteReference(AnswerContext context, string reference, string heading)
    {
        var path = reference.StartsWith("docs-corpus/", StringComparison.Ordinal) ? reference["docs-corpus/".Length..] : reference;
        var hash = path.IndexOf('#');
        return hash < 0 ? context.Cite(path, "", heading) : context.Cite(path[..hash], path[(hash + 1)..], heading);
    }
}
