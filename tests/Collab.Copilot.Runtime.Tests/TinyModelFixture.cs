using Collab.Copilot.Runtime.Llama;

namespace Collab.Copilot.Runtime.Tests;

/// <summary>One loaded tiny model shared by a test class.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        _ = TestModel.LibraryFolder;
        Model = LlamaModel.Load(TestModel.TinyModelPath, gpuLayers: 0);
    }

    public LlamaModel Model { get; }

    public void Dispose() => Model.Dispose();
}
