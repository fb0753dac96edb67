using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Collab.Indexer.Tests.Support;

/// <summary>
/// Remembers the embedding of each text it was asked for, so comparing many ranking settings over
/// the same questions embeds each question once.
/// </summary>
public sealed class MemoizingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ConcurrentDictionary<string, Embedding<float>> _known = new(StringComparer.Ordinal);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var missing = texts.Where(t => !_known.ContainsKey(t)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var generated = await inner.GenerateAsync(missing, options, cancellationToken);
            for (var i = 0; i < missing.Count; i++) _known[missing[i]] = generated[i];
        }
        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => _known[t]));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

    public void Dispose()
    {
    }
}
