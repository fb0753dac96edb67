using Collab.Copilot.Runtime.Scheduling;

namespace Collab.Copilot.Runtime.Llama;

/// <summary>What <see cref="LlamaRuntime"/> loads and how it schedules.</summary>
public sealed record LlamaRuntimeOptions
{
    /// <summary>The GGUF model file.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Folder with libllama and libggml (the npm package's bins, or the app folder).</summary>
    public required string NativeLibraryPath { get; init; }

    /// <summary>Layers offloaded to the GPU; -1 offloads all, 0 keeps everything on the CPU.</summary>
    public int GpuLayers { get; init; }

    /// <summary>Continuous-batching sizes (context per sequence, parallel sequences, queue).</summary>
    public SchedulerOptions Scheduler { get; init; } = new();

    /// <summary>Name reported as the model id in responses.</summary>
    public string? ModelId { get; init; }
}
