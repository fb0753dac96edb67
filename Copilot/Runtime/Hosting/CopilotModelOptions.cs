namespace Collab.Copilot.Runtime.Hosting;

/// <summary>The in-process llama.cpp backend: configuration section <c>Copilot:Model</c>.</summary>
public sealed class CopilotModelOptions
{
    /// <summary><c>Copilot:Model:Path</c>: the GGUF file. Setting it selects the in-process backend.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// <c>Copilot:Model:Name</c>: the model id served on <c>/v1</c>, which OpenAI clients must
    /// send as <c>model</c> (default: the file name without <c>.gguf</c>).
    /// </summary>
    public string? Name { get; set; }

    /// <summary><c>Copilot:Model:GpuLayers</c>: layers offloaded to the GPU (-1 = all, 0 = CPU only).</summary>
    public int GpuLayers { get; set; }

    /// <summary><c>Copilot:Model:ContextSize</c>: tokens per conversation (prompt plus answer).</summary>
    public int ContextSize { get; set; } = 4096;

    /// <summary><c>Copilot:Model:NativeLibraryPath</c>: folder with libllama/libggml (default: the app folder).</summary>
    public string? NativeLibraryPath { get; set; }

    /// <summary><c>Copilot:Model:ParallelSequences</c>: conversations decoded together.</summary>
    public int ParallelSequences { get; set; } = 4;

    /// <summary><c>Copilot:Model:QueueCapacity</c>: requests that may wait before callers are told to retry.</summary>
    public int QueueCapacity { get; set; } = 32;

    /// <summary><c>Copilot:Model:BatchSize</c>: most tokens per decode call.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary><c>Copilot:Model:Threads</c>: CPU threads (0 = half the processors).</summary>
    public int Threads { get; set; }
}
