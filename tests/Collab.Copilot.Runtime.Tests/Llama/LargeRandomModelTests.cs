using System.Security.Cryptography;
using Collab.Copilot.ModelGen;
using Collab.Copilot.Runtime.Gguf;
using Collab.Copilot.Runtime.Llama;

namespace Collab.Copilot.Runtime.Tests.Llama;

/// <summary>
/// ModelGen's multi-core path, which only tensors over 16M values take (the bench's 8B model):
/// a model whose embedding tables take it is the same bytes every time and loads.
/// </summary>
[Trait("Needs", "Llama")]
public sealed class LargeRandomModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collab-modelgen-").FullName;

    [Fact]
    public void Block_generated_tensors_are_deterministic_and_load()
    {
        var shape = LlamaShape.Tiny with { Name = "wide-random", EmbeddingLength = 256, FeedForwardLength = 256 };
        Assert.True((long)shape.EmbeddingLength * shape.VocabularySize > RandomLlamaModel.Block);
        var vocabulary = Cl100kVocabulary.Build(shape.VocabularySize);
        var first = Path.Combine(folder, "a.gguf");
        var second = Path.Combine(folder, "b.gguf");
        RandomLlamaModel.Write(first, shape, vocabulary, GgmlType.F16);
        RandomLlamaModel.Write(second, shape, vocabulary, GgmlType.F16);
        Assert.Equal(Hash(first), Hash(second));

        _ = TestModel.LibraryFolder;
        using var model = LlamaModel.Load(first, gpuLayers: 0);
        Assert.Equal(256, model.EmbeddingSize);
        Assert.Contains("F16", model.Description);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file));
    }
}
