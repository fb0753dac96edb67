namespace Collab.Server.Projects;

/// <summary>Carries access changes to every replica (in-process on one node, Redis in a cluster).</summary>
public interface IAccessChangeBus
{
    /// <summary>Delivers <paramref name="change"/> to <see cref="AccessRevoker"/> here and on every other replica.</summary>
    Task PublishAsync(AccessChange change);
}
