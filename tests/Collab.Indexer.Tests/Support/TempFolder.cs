namespace Collab.Indexer.Tests.Support;

/// <summary>A throwaway folder, removed on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("collab-indexer-tests-").FullName;

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Write(string relative, string content)
    {
        var file = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
