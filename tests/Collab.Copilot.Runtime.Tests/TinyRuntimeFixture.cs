using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Scheduling;

namespace Collab.Copilot.Runtime.Tests;

/// <summary>The tiny model behind a scheduler sized for CI: 4 sequences of 512 tokens, one thread (spinning ggml threads crawl on a loaded 2-core CI machine).</summary>
public sealed class TinyRuntimeFixture : IDisposable
{
    public TinyRuntimeFixture()
    {
        Runtime = LlamaRuntime.Load(new LlamaRuntimeOptions
        {
            ModelPath = TestModel.TinyModelPath,
            NativeLibraryPath = TestModel.LibraryFolder,
            ModelId = "tiny",
            Scheduler = new SchedulerOptions { ContextSize = 512, ParallelSequences = 4, BatchSize = 256, QueueCapacity = 8, Threads = 1 },
        });
    }

    public LlamaRuntime Runtime { get; }

    public void Dispose() => Runtime.Dispose();
}
