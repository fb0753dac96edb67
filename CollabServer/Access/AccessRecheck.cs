using Collab.Server.Auth;
using Collab.Server.Hubs;
using Collab.Server.Projects;
using Collab.Server.Rooms;
using Microsoft.Extensions.Options;

namespace Collab.Server.Access;

/// <summary>
/// Every <see cref="AuthOptions.AccessRecheckSeconds"/>, compares the roles this node's live
/// connections act with against the store and applies any difference here. Changes normally arrive
/// at once through <see cref="IAccessChangeBus"/>; this catches the ones whose notice was lost.
/// </summary>
internal sealed class AccessRecheck(
    RoomManager rooms, ChatConnections chats, IProjectStore projects, AccessRevoker revoker,
    IOptions<AuthOptions> auth, ILogger<AccessRecheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(auth.Value.AccessRecheckSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await RecheckAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Access re-check failed; trying again in {Seconds} s: {Reason}", auth.Value.AccessRecheckSeconds, ex.Message);
            }
        }
    }

    private async Task RecheckAsync(CancellationToken ct)
    {
        // Chat connections hold no role (every chat call checks it): only losing membership matters.
        var live = (await rooms.LiveMembersAsync()).Select(m => (m.ProjectId, m.UserId, Role: (ProjectRole?)m.Role))
            .Concat(chats.Members().Select(m => (m.ProjectId, m.UserId, Role: (ProjectRole?)null)));
        // One read of the member list per project, however many of its members are connected.
        foreach (var project in live.GroupBy(m => m.ProjectId))
        {
            var roles = (await projects.ListMembersAsync(project.Key, ct)).ToDictionary(m => m.UserId, m => m.Role);
            foreach (var user in project.GroupBy(m => m.UserId))
            {
                ProjectRole? current = roles.TryGetValue(user.Key, out var role) ? role : null;
                bool stale = current is null || user.Any(m => m.Role is { } acting && acting != current);
                if (stale) await revoker.ApplyAsync(new AccessChange(project.Key, user.Key, current));
            }
        }
    }
}
