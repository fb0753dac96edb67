using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Tests.Native;

/// <summary>The file names of node-llama-cpp's packages (empty stand-ins; nothing is loaded).</summary>
public sealed class LibraryFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collab-llama-names-").FullName;

    [Fact]
    public void The_cpu_package_names_are_found()
    {
        Touch("libggml-base.so", "libggml.v0.5.0.so", "libllama.v0.5.0.so", "libllama-common.so", "libggml-cpu-haswell.so");
        var files = LlamaLibraryFiles.Find(folder);
        Assert.Equal("libggml-base.so", Path.GetFileName(files.GgmlBase));
        Assert.Equal("libggml.v0.5.0.so", Path.GetFileName(files.Ggml));
        Assert.Equal("libllama.v0.5.0.so", Path.GetFileName(files.Llama));
    }

    [Fact]
    public void The_cuda_package_names_are_found()
    {
        Touch("libggml-base.so", "libggml.cuda.v0.5.0.so", "libllama.cuda.v0.5.0.so", "libggml-cuda.so", "libggml-cpu-x64.so", "libllama-common.so");
        var files = LlamaLibraryFiles.Find(folder);
        Assert.Equal("libggml.cuda.v0.5.0.so", Path.GetFileName(files.Ggml));
        Assert.Equal("libllama.cuda.v0.5.0.so", Path.GetFileName(files.Llama));
    }

    [Fact]
    public void A_missing_library_is_named()
    {
        Touch("libggml-base.so", "libggml-cuda.so");
        var error = Assert.Throws<LlamaNativeLibraryException>(() => LlamaLibraryFiles.Find(folder));
        Assert.Contains("libggml.so", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Touch(params string[] names)
    {
        foreach (var name in names) File.WriteAllBytes(Path.Combine(folder, name), []);
    }
}
