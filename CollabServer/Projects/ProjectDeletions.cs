namespace Collab.Server.Projects;

/// <summary>
/// Tells features on this replica that a project was deleted (on any replica), after its rooms
/// closed, so what a feature holds for it (kernels) goes too. It lives here, beside the project it
/// announces, so a feature listens without depending on the transports that apply access changes.
/// </summary>
public sealed class ProjectDeletions
{
    /// <summary>Raised and awaited with the project id; handlers must not throw.</summary>
    public event Func<string, Task>? Deleted;

    public async Task RaiseAsync(string projectId)
    {
        if (Deleted is { } handlers)
            foreach (var handler in handlers.GetInvocationList().Cast<Func<string, Task>>()) await handler(projectId);
    }
}
