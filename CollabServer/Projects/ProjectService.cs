using Collab.Server.Notebooks;
using Collab.Server.Storage;

namespace Collab.Server.Projects;

/// <summary>Creates projects seeded with the template notebooks, and deletes them with their live connections.</summary>
public sealed class ProjectService(IProjectStore projects, NotebookService notebooks, TemplateCatalog templates, IAccessChangeBus access)
{
    /// <summary>False, changing nothing, when the id is taken.</summary>
    public async Task<bool> CreateAsync(string id, string name, string ownerId, CancellationToken ct)
    {
        if (!await projects.CreateAsync(new ProjectInfo(id, name, DateTimeOffset.UtcNow), ownerId, ct)) return false;
        foreach (var template in templates.Templates)
        {
            await notebooks.CreateAsync(new DocumentKey(id, template.Name), template.Notebook, ct);
        }
        return true;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        var deleted = await projects.DeleteAsync(id, ct);
        await access.PublishAsync(AccessChange.ProjectDeleted(id)); // closes its rooms and chats on every node
        return deleted;
    }
}
