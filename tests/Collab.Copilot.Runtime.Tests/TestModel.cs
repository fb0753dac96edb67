using Collab.Copilot.ModelGen;
using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Tests;

/// <summary>
/// Where the tests find llama.cpp (scripts/fetch-llama.sh puts it in .native/llama/linux-x64
/// under the repository root) and the tiny random model they generate once per machine.
/// </summary>
internal static class TestModel
{
    private static readonly Lazy<string> LibraryFolderLazy = new(FindLibraryFolder);
    private static readonly Lazy<string> TinyModelLazy = new(WriteTinyModel);

    /// <summary>The folder holding libllama, loaded into this process on first use.</summary>
    public static string LibraryFolder
    {
        get
        {
            var folder = LibraryFolderLazy.Value;
            LlamaLibrary.Load(folder);
            return folder;
        }
    }

    /// <summary>Path of the tiny model (F32, 2 layers, 64 wide, cl100k_base vocabulary, ChatML).</summary>
    public static string TinyModelPath => TinyModelLazy.Value;

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Collab.sln"))) return dir.FullName;
            throw new InvalidOperationException($"No Collab.sln above {AppContext.BaseDirectory}.");
        }
    }

    private static string FindLibraryFolder()
    {
        var folder = Path.Combine(RepositoryRoot, ".native", "llama", "linux-x64");
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"{folder} is missing: run scripts/fetch-llama.sh first.");
        return folder;
    }

    private static string WriteTinyModel()
    {
        // Generated once per machine (a second or so); the name changes whenever the recipe does.
        var folder = Path.Combine(Path.GetTempPath(), "collab-copilot-runtime-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "tiny-random-v2.gguf");
        if (!File.Exists(path))
            RandomLlamaModel.Write(path, LlamaShape.Tiny, Cl100kVocabulary.Build(LlamaShape.Tiny.VocabularySize));
        return path;
    }
}
