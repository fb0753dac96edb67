namespace Collab.Copilot.Runtime.Native;

/// <summary>
/// The three library files in a llama.cpp folder. node-llama-cpp versions the file names
/// and names its GPU builds after the backend (<c>libllama.v0.5.0.so</c> on the CPU,
/// <c>libllama.cuda.v0.5.0.so</c> in the CUDA package), so they are found by pattern. The
/// backend plug-ins beside them (<c>libggml-cuda.so</c>, <c>libggml-cpu-*.so</c>) are loaded
/// later by <c>ggml_backend_load_all_from_path</c>.
/// </summary>
internal sealed record LlamaLibraryFiles(string GgmlBase, string Ggml, string Llama)
{
    public static LlamaLibraryFiles Find(string folder)
    {
        if (!Directory.Exists(folder))
            throw new LlamaNativeLibraryException(folder, "The folder does not exist. Run scripts/fetch-llama.sh or set Copilot:Model:NativeLibraryPath.");
        return new LlamaLibraryFiles(
            FindOne(folder, "libggml-base.so", "libggml-base*.so", "ggml-base.dll", "libggml-base*.dylib"),
            FindOne(folder, "libggml.so", "libggml.*.so", "ggml.dll", "libggml.*.dylib"),
            FindOne(folder, "libllama.so", "libllama.*.so", "llama.dll", "libllama.*.dylib"));
    }

    private static string FindOne(string folder, params string[] patterns)
    {
        foreach (var pattern in patterns)
        {
            var match = Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal).FirstOrDefault();
            if (match is not null) return match;
        }
        throw new LlamaNativeLibraryException(folder, $"No {patterns[0]} (or {string.Join(", ", patterns.Skip(1))}) in the folder.");
    }
}
