using Collab.Copilot.ModelGen;
using Collab.Copilot.Runtime.Chat;
using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>
/// The runtime project's tiny random-weight GGUF model (generated here the same way its tests do)
/// behind the real llama.cpp chat client, with the libraries scripts/fetch-llama.sh puts in
/// <c>.native/llama/linux-x64</c>. Its text is random; tests assert structure only.
/// </summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly LlamaRuntime _runtime;

    public TinyModelFixture()
    {
        var libraries = Path.Combine(RepositoryPaths.Root, ".native", "llama", "linux-x64");
        if (!Directory.Exists(libraries)) throw new InvalidOperationException($"{libraries} is missing: run scripts/fetch-llama.sh first.");
        var folder = Path.Combine(Path.GetTempPath(), "collab-copilot-assistant-tests");
        Directory.CreateDirectory(folder);
        var model = Path.Combine(folder, "tiny-random-v2.gguf");
        if (!File.Exists(model))
        {
            // Written beside and renamed, so a concurrent run never loads half a file.
            var partial = model + "." + Guid.NewGuid().ToString("N");
            RandomLlamaModel.Write(partial, LlamaShape.Tiny, Cl100kVocabulary.Build(LlamaShape.Tiny.VocabularySize));
            File.Move(partial, model, overwrite: true);
        }
        _runtime = LlamaRuntime.Load(new LlamaRuntimeOptions
        {
            ModelPath = model,
            NativeLibraryPath = libraries,
            ModelId = "tiny",
            Scheduler = new SchedulerOptions { ContextSize = 4096, ParallelSequences = 2, BatchSize = 512, QueueCapacity = 8, Threads = 1 },
        });
        Chat = new LlamaChatClient(_runtime);
    }

    public IChatClient Chat { get; }

    public void Dispose() => _runtime.Dispose();
}
