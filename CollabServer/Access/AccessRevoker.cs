using Collab.Server.Auth;
using Collab.Server.Hubs;
using Collab.Server.Projects;
using Collab.Server.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Access;

/// <summary>
/// Applies an access change to this node's live connections: a removed member's (or a deleted
/// project's) room connections are closed with the reason and its chat events stop; a changed
/// role takes effect on the next message (a viewer's writes are refused, it keeps reading).
/// Every hub connection concerned gets <see cref="CollabHub.AccessChanged"/>.
/// </summary>
public sealed class AccessRevoker(
    RoomManager rooms, ChatConnections chatConnections, IHubContext<CollabHub> hub, ProjectDeletions deletions, ILogger<AccessRevoker> logger)
    : IAccessChangeHandler
{
    public async Task ApplyAsync(AccessChange change)
    {
        logger.LogInformation("Access change in {Project} for {User}: {Reason}", change.ProjectId, change.UserId ?? "everyone", change.Reason);
        if (change.UserId is null)
        {
            await rooms.EvictProjectAsync(change.ProjectId, change.Reason);
            await deletions.RaiseAsync(change.ProjectId);
        }
        else
        {
            await rooms.ApplyAccessChangeAsync(change.ProjectId, change.UserId, change.Role, change.Reason);
        }

        foreach (var connectionId in chatConnections.Of(change.ProjectId, change.UserId))
        {
            if (change.Role is null)
            {
                chatConnections.Remove(change.ProjectId, connectionId);
                await hub.Groups.RemoveFromGroupAsync(connectionId, ChatGroups.Project(change.ProjectId));
            }
            await hub.Clients.Client(connectionId).SendAsync(CollabHub.AccessChanged, change.ProjectId, change.Role?.ToWire(), change.Reason);
        }
    }
}
