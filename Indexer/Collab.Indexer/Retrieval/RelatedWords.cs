using Microsoft.Extensions.AI;

namespace Collab.Indexer.Retrieval;

/// <summary>
/// The documentation's own words, each with its embedding, so a word of a question the pages never use
/// ("vanished", "eating" a core) can also match the pages' nearest words ("disappear", "consuming") — the asker's
/// symptom in the docs' vocabulary. Read from the snapshot's term dictionary and embedded with the
/// retrieval model itself: nothing is listed by hand.
/// </summary>
internal sealed class RelatedWords
{
    /// <summary>Unit vectors are kept as bytes (component × 127): a quarter of the memory, and cosines stay within 0.01.</summary>
    private const float Scale = 127f;

    private readonly string[] _words;
    private readonly sbyte[][] _vectors;

    private RelatedWords(string[] words, sbyte[][] vectors)
    {
        _words = words;
        _vectors = vectors;
    }

    public int Count => _words.Length;

    public static async Task<RelatedWords> EmbedAsync(IReadOnlyList<string> words, IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        var vectors = new List<sbyte[]>(words.Count);
        foreach (var batch in words.Chunk(256))
        {
            var generated = await embeddings.GenerateAsync(batch);
            vectors.AddRange(generated.Select(e => Normalised(e.Vector.Span).Select(x => (sbyte)MathF.Round(x * Scale)).ToArray()));
        }
        return new RelatedWords([.. words], [.. vectors]);
    }

    /// <summary>Up to <paramref name="max"/> documentation words at cosine <paramref name="minSimilarity"/> or more, nearest first.</summary>
    public IReadOnlyList<(string Word, float Similarity)> Nearest(ReadOnlySpan<float> vector, int max, float minSimilarity)
    {
        var query = Normalised(vector);
        var found = new List<(string Word, float Similarity)>();
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _vectors[i];
            var sum = 0f;
            for (var j = 0; j < query.Length; j++) sum += query[j] * word[j];
            var similarity = sum / Scale;
            if (similarity >= minSimilarity) found.Add((_words[i], similarity));
        }
        return found.OrderByDescending(f => f.Similarity).Take(max).ToList();
    }

    private static float[] Normalised(ReadOnlySpan<float> vector)
    {
        var norm = 0f;
        foreach (var x in vector) norm += x * x;
        norm = MathF.Sqrt(norm);
        var result = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++) result[i] = norm > 0 ? vector[i] / norm : 0;
        return result;
    }
}
