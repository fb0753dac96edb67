using System.Text.Json.Nodes;

namespace Collab.Server.Notebooks;

/// <summary>
/// The notebooks every new project starts with: the <c>*.ipynb</c> files of the
/// <c>templates/</c> folder shipped next to the server binary, read once at start.
/// </summary>
public sealed class TemplateCatalog
{
    public TemplateCatalog(string directory)
    {
        Templates = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.ipynb").Order(StringComparer.Ordinal)
                .Select(path => new NotebookTemplate(Path.GetFileName(path), (JsonObject)JsonNode.Parse(File.ReadAllText(path))!))
                .ToList()
            : [];
    }

    public IReadOnlyList<NotebookTemplate> Templates { get; }

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "templates");
}
