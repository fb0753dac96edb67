using Collab.Copilot.Runtime.Embeddings;
using Collab.Copilot.Runtime.Native;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collab.Copilot.Runtime.Llama;

/// <summary>
/// One loaded model with its generation scheduler and its embedding context: what
/// <see cref="Chat.LlamaChatClient"/> and <see cref="LlamaEmbeddingGenerator"/> share.
/// </summary>
public sealed class LlamaRuntime : IDisposable
{
    private readonly Lazy<EmbeddingContext> _embeddings;

    private LlamaRuntime(LlamaRuntimeOptions options, LlamaModel model, ILogger logger)
    {
        Options = options;
        Model = model;
        ModelId = options.ModelId ?? Path.GetFileNameWithoutExtension(model.Path);
        Scheduler = new InferenceScheduler(model, options.Scheduler, logger);
        // The embedding context is created on first use: chat-only deployments never pay for it.
        _embeddings = new Lazy<EmbeddingContext>(() => new EmbeddingContext(model, options.Scheduler), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The options it was loaded with.</summary>
    public LlamaRuntimeOptions Options { get; }

    /// <summary>The loaded model.</summary>
    public LlamaModel Model { get; }

    /// <summary>The model id reported in responses.</summary>
    public string ModelId { get; }

    internal InferenceScheduler Scheduler { get; }

    internal EmbeddingContext Embeddings => _embeddings.Value;

    /// <summary>Loads the libraries and the model; errors name the folder or the file.</summary>
    public static LlamaRuntime Load(LlamaRuntimeOptions options, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        LlamaLibrary.Load(options.NativeLibraryPath, logger);
        var model = LlamaModel.Load(options.ModelPath, options.GpuLayers);
        try
        {
            var runtime = new LlamaRuntime(options, model, logger);
            logger.LogInformation("Loaded {Model} ({Description}); {Parallel} sequences of {Context} tokens. {System}",
                model.Path, model.Description, options.Scheduler.ParallelSequences, runtime.Scheduler.ContextSize, LlamaLibrary.SystemInfo());
            return runtime;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Stops the scheduler (failing waiting requests) and frees the native memory.</summary>
    public void Dispose()
    {
        Scheduler.Dispose();
        if (_embeddings.IsValueCreated) _embeddings.Value.Dispose();
        Model.Dispose();
    }
}
