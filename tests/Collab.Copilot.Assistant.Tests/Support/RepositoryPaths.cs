namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>Folders of the repository the tests run in.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Collab.sln"))) return dir.FullName;
            throw new InvalidOperationException($"No Collab.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static string DocsCorpus => Path.Combine(Root, "docs-corpus");
}
