using Microsoft.Extensions.AI;

namespace Collab.Indexer.Tests.Support;

/// <summary>
/// A small real embedding model for tests: character trigrams of each word hashed into a fixed number
/// of dimensions and L2-normalised. Deterministic, so texts sharing word pieces land close together.
/// </summary>
public sealed class HashedNgramEmbeddingGenerator(int dimensions = 256) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var embeddings = values.Select(v => new Embedding<float>(Embed(v))).ToList();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
    }

    private float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split(' ', '\n', '\t', '.', ',', '?', '!', ':', '(', ')'))
        {
            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
                vector[(int)(StableHash(padded.AsSpan(i, 3)) % (uint)dimensions)] += 1;
        }
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, which would make vectors unstable.</summary>
    private static uint StableHash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata)
            ? new EmbeddingGeneratorMetadata("hashed-ngrams", defaultModelId: "trigram", defaultModelDimensions: dimensions)
            : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
