namespace Collab.Copilot.Runtime.Gguf;

/// <summary>A file is missing, not GGUF, or damaged; the message names the file.</summary>
public sealed class GgufFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public GgufFormatException(string path, string problem, Exception? inner = null)
        : base($"GGUF model file '{path}': {problem}", inner) => Path = path;

    /// <summary>The file that was read.</summary>
    public string Path { get; }
}
