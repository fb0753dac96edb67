using Collab.Indexer.Embeddings;

namespace Collab.Indexer.Tests.Embeddings;

/// <summary>The packaged model encodes a large batch in short runs: the vectors come back the same and in order.</summary>
public sealed class SentenceEmbeddingGeneratorTests
{
    [Fact]
    public async Task A_batch_longer_than_one_encoder_run_gives_each_input_the_vector_it_gets_alone()
    {
        using var generator = new SentenceEmbeddingGenerator(EmbeddingModel.MiniLM, maxInputChars: 800);
        var inputs = Enumerable.Range(0, 19).Select(i => $"Passage {i}: how to share notebook number {i * 7} with a colleague").ToArray();

        var together = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Length, together.Count);
        foreach (var i in new[] { 0, 8, 9, 18 })
        {
            var alone = (await generator.GenerateAsync([inputs[i]]))[0].Vector.ToArray();
            var cosine = alone.Zip(together[i].Vector.ToArray(), (a, b) => a * b).Sum();
            Assert.True(cosine > 0.999f, $"input {i}: cosine {cosine} with its vector embedded alone");
        }
    }
}
