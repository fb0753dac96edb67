namespace Collab.Indexer.Tests.Support;

/// <summary>Finds the shared data folder beside the repository (it exists in CI too).</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "Collab.sln"))) return folder.FullName;
            throw new DirectoryNotFoundException($"No Collab.sln above {AppContext.BaseDirectory}");
        }
    }

    public static string EvalCorpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "eval-corpus"));
}
