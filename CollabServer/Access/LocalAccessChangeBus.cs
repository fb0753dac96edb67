using Collab.Server.Projects;
namespace Collab.Server.Access;

/// <summary>One node: the change is applied here, before the request that made it answers.</summary>
internal sealed class LocalAccessChangeBus(AccessRevoker revoker) : IAccessChangeBus
{
    public Task PublishAsync(AccessChange change) => revoker.ApplyAsync(change);
}
