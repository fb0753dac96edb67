using Collab.Copilot.Runtime.Llama;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the in-process model: mean-pooled
/// hidden states, L2-normalised (unit length), of the model's embedding dimension.
/// </summary>
public sealed class LlamaEmbeddingGenerator(LlamaRuntime runtime) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("llama.cpp", null, runtime.ModelId, runtime.Model.EmbeddingSize);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        if (options?.Dimensions is { } dimensions && dimensions != runtime.Model.EmbeddingSize)
            throw new NotSupportedException($"This model embeds into {runtime.Model.EmbeddingSize} dimensions, not {dimensions}.");
        var (vectors, tokens) = await runtime.Embeddings.EmbedAsync(inputs, cancellationToken).ConfigureAwait(false);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v)
        {
            ModelId = runtime.ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
        }));
        result.Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens };
        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(LlamaRuntime) ? runtime
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        // The runtime is shared and owned by whoever created it (the DI container).
    }
}
