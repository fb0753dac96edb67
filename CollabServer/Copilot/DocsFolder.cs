using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

/// <summary>
/// Where the documentation lives: <c>Copilot:Docs:Path</c>, else the first <c>docs-corpus</c>
/// folder above the app (the repository's, when run from a checkout); null when there is none.
/// </summary>
public sealed class DocsFolder(IOptions<CopilotDocsOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<string?> _path = new(() => Locate(options.Value, environment));

    public string? Path => _path.Value;

    private static string? Locate(CopilotDocsOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Path)) return System.IO.Path.GetFullPath(options.Path);
        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "docs-corpus");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
