using Collab.Copilot.Runtime.Gguf;
using Collab.Copilot.Runtime.Llama;

namespace Collab.Copilot.Runtime.Tests.Llama;

[Trait("Needs", "Llama")]
public sealed class ModelLoadingTests
{
    [Fact]
    public void Loads_the_generated_model_with_its_vocabulary_and_template()
    {
        _ = TestModel.LibraryFolder;
        using var model = LlamaModel.Load(TestModel.TinyModelPath, gpuLayers: 0);
        Assert.Equal(100_352, model.VocabularySize);
        Assert.Equal(64, model.EmbeddingSize);
        Assert.Contains("<|im_start|>", model.ChatTemplate);
        Assert.Contains("llama", model.Description);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        _ = TestModel.LibraryFolder;
        var path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid() + ".gguf");
        var error = Assert.Throws<GgufFormatException>(() => LlamaModel.Load(path, 0));
        Assert.Contains(path, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Theory]
    [InlineData("not gguf at all, just some text that is long enough")]
    [InlineData("GGUF")]
    public void Foreign_or_short_file_names_the_file(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "bad-model-" + Guid.NewGuid() + ".gguf");
        File.WriteAllText(path, content);
        try
        {
            var error = Assert.Throws<GgufFormatException>(() => LlamaModel.Load(path, 0));
            Assert.Contains(path, error.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Truncated_model_names_the_file()
    {
        _ = TestModel.LibraryFolder;
        var path = Path.Combine(Path.GetTempPath(), "truncated-model-" + Guid.NewGuid() + ".gguf");
        var bytes = File.ReadAllBytes(TestModel.TinyModelPath);
        // Header and vocabulary intact, tensor data cut short: only llama.cpp can notice.
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length - 4096).ToArray());
        try
        {
            var error = Assert.Throws<GgufFormatException>(() => LlamaModel.Load(path, 0));
            Assert.Contains(path, error.Message);
        }
        finally { File.Delete(path); }
    }
}
