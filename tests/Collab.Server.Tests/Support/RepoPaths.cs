namespace Collab.Server.Tests.Support;

public static class RepoPaths
{
    /// <summary>The repository root (the folder holding Collab.sln).</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collab.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Collab.sln not found above the test binaries.");
        }
    }

    public static string Interop => Path.Combine(Root, "tests", "interop");

    /// <summary>The server binary, copied next to the tests by the project reference.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Collab.Server.dll");
}
