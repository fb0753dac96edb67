namespace Collab.Server.Projects;

/// <summary>
/// Applies an <see cref="AccessChange"/> to this replica's live connections. An
/// <see cref="IAccessChangeBus"/> hands every change it carries to it; the transports implement it,
/// so the buses need not depend on them.
/// </summary>
public interface IAccessChangeHandler
{
    Task ApplyAsync(AccessChange change);
}
