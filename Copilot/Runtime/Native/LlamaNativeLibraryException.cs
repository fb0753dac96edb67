namespace Collab.Copilot.Runtime.Native;

/// <summary>The llama.cpp libraries could not be found or loaded from the configured folder.</summary>
public sealed class LlamaNativeLibraryException : Exception
{
    /// <summary>Creates the error for <paramref name="folder"/>.</summary>
    public LlamaNativeLibraryException(string folder, string message, Exception? inner = null)
        : base($"llama.cpp libraries in '{folder}': {message}", inner) => Folder = folder;

    /// <summary>The folder that was searched.</summary>
    public string Folder { get; }
}
