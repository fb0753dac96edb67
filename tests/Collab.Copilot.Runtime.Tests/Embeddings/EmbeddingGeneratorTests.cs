using System.Numerics.Tensors;
using Collab.Copilot.Runtime.Embeddings;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.Tests.Embeddings;

[Trait("Needs", "Llama")]
public sealed class EmbeddingGeneratorTests(TinyRuntimeFixture fixture) : IClassFixture<TinyRuntimeFixture>
{
    private readonly LlamaEmbeddingGenerator generator = new(fixture.Runtime);

    [Fact]
    public async Task Embeddings_have_the_model_dimension_and_unit_norm()
    {
        var inputs = new[] { "How do I request a GPU?", "CrashLoopBackOff after OOMKilled", "Ein Notebook teilen", "x" };
        var embeddings = await generator.GenerateAsync(inputs);
        Assert.Equal(inputs.Length, embeddings.Count);
        foreach (var embedding in embeddings)
        {
            Assert.Equal(64, embedding.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), 4);
        }
        Assert.True(embeddings.Usage!.InputTokenCount > inputs.Length);
        Assert.Equal(64, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Fact]
    public async Task The_same_text_embeds_the_same_alone_or_in_a_batch()
    {
        var alone = await generator.GenerateVectorAsync("shared GPU quota");
        var batch = await generator.GenerateAsync(["other text", "shared GPU quota"]);
        Assert.Equal(1f, TensorPrimitives.CosineSimilarity(alone.Span, batch[1].Vector.Span), 4);
        Assert.True(TensorPrimitives.CosineSimilarity(batch[0].Vector.Span, batch[1].Vector.Span) < 0.999f);
    }

    [Fact]
    public async Task Inputs_longer_than_the_context_are_a_clear_error()
    {
        var huge = string.Join(' ', Enumerable.Repeat("token", 5000));
        await Assert.ThrowsAsync<ContextWindowExceededException>(() => generator.GenerateAsync([huge]));
        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync([""]));
    }
}
