using System.Numerics.Tensors;
using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Native;
using Collab.Copilot.Runtime.Scheduling;

namespace Collab.Copilot.Runtime.Embeddings;

/// <summary>
/// A second llama.cpp context on the same weights, in embedding mode with mean pooling.
/// Inputs are packed as separate sequences into as few decode calls as fit; each pooled
/// vector is L2-normalised. Calls are serialised (the context is not thread-safe).
/// </summary>
internal sealed class EmbeddingContext : IDisposable
{
    private readonly LlamaModel _model;
    private readonly SafeLlamaContextHandle _context;
    private readonly nint _memory;
    private readonly NativeBatch _batch;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EmbeddingContext(LlamaModel model, SchedulerOptions options)
    {
        _model = model;
        var parameters = NativeMethods.llama_context_default_params();
        MaxSequences = Math.Min(options.ParallelSequences, 8);
        // All tokens of a sequence must be in one micro-batch for pooling, so batch = context.
        MaxTokens = Math.Min(options.ContextSize, 8192);
        parameters.ContextSize = (uint)MaxTokens;
        parameters.BatchSize = (uint)MaxTokens;
        parameters.MicroBatchSize = (uint)MaxTokens;
        parameters.MaxSequences = (uint)MaxSequences;
        parameters.Embeddings = true;
        parameters.PoolingType = LlamaPoolingType.Mean;
        parameters.KvUnified = true;
        var threads = options.Threads > 0 ? options.Threads : Math.Max(1, Environment.ProcessorCount / 2);
        parameters.Threads = threads;
        parameters.BatchThreads = threads;
        _context = NativeMethods.llama_init_from_model(_model.Handle, parameters);
        if (_context.IsInvalid)
        {
            _context.Dispose();
            throw new InvalidOperationException($"llama.cpp could not create an embedding context for '{_model.Path}'.");
        }
        _memory = NativeMethods.llama_get_memory(_context);
        _batch = new NativeBatch(MaxTokens, _model.VocabularySize, MaxSequences, MaxTokens);
    }

    /// <summary>Most tokens one input may have.</summary>
    public int MaxTokens { get; }

    private int MaxSequences { get; }

    public async Task<(float[][] Vectors, int TokenCount)> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var tokenized = inputs.Select(Tokenize).ToArray();
        var vectors = new float[inputs.Count][];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var next = 0;
            while (next < tokenized.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var first = next;
                _batch.Clear();
                NativeMethods.llama_memory_clear(_memory, true);
                while (next < tokenized.Length && next - first < MaxSequences && _batch.Count + tokenized[next].Length <= _batch.Capacity)
                {
                    var sequence = next - first;
                    for (var i = 0; i < tokenized[next].Length; i++) _batch.Add(tokenized[next][i], i, sequence, output: true);
                    next++;
                }
                var result = NativeMethods.llama_decode(_context, _batch.Native);
                if (result != 0) throw new InvalidOperationException($"llama_decode failed with code {result} while embedding.");
                for (var i = first; i < next; i++) vectors[i] = ReadNormalized(i - first);
            }
            return (vectors, tokenized.Sum(t => t.Length));
        }
        finally
        {
            _gate.Release();
        }
    }

    private int[] Tokenize(string input)
    {
        var tokens = _model.Tokenize(input, addSpecial: true, parseSpecial: false);
        if (tokens.Length == 0) throw new ArgumentException("An embedding input is empty.");
        if (tokens.Length > MaxTokens)
            throw new ContextWindowExceededException(tokens.Length, MaxTokens);
        return tokens;
    }

    private unsafe float[] ReadNormalized(int sequence)
    {
        var pooled = NativeMethods.llama_get_embeddings_seq(_context, sequence);
        if (pooled == null) throw new InvalidOperationException("llama.cpp returned no pooled embedding.");
        var vector = new ReadOnlySpan<float>(pooled, _model.EmbeddingSize).ToArray();
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && float.IsFinite(norm)) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _context.Dispose();
        _gate.Dispose();
    }
}
