using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Gguf;

/// <summary>Quantizes a GGUF model with llama.cpp's own <c>llama_model_quantize</c>.</summary>
public static class GgufQuantizer
{
    /// <summary>
    /// Writes <paramref name="outputPath"/> as <paramref name="fileType"/> from the F32/F16 model
    /// at <paramref name="inputPath"/>, loading llama.cpp from <paramref name="nativeLibraryFolder"/>.
    /// </summary>
    public static void Quantize(string inputPath, string outputPath, LlamaFileType fileType, string nativeLibraryFolder, int threads = 0)
    {
        var info = GgufFileInfo.Read(inputPath);
        LlamaLibrary.Load(nativeLibraryFolder);
        var parameters = NativeMethods.llama_model_quantize_default_params();
        parameters.FileType = fileType;
        parameters.ThreadCount = Math.Max(0, threads);
        var result = NativeMethods.llama_model_quantize(info.Path, outputPath, in parameters);
        if (result != 0) throw new GgufFormatException(inputPath, $"llama_model_quantize to {fileType} failed (code {result}).");
    }
}
