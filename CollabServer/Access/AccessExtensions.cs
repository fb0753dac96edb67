using Collab.Server.Hubs;
using Collab.Server.Projects;

namespace Collab.Server.Access;

public static class AccessExtensions
{
    /// <summary>
    /// Live enforcement of membership changes, with a periodic re-check for notices that never
    /// arrived; in a cluster the Redis bus replaces the local one (AddCollabCluster).
    /// </summary>
    public static IHostApplicationBuilder AddCollabAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChatConnections>();
        builder.Services.AddSingleton<AccessRevoker>();
        builder.Services.AddSingleton<IAccessChangeHandler>(sp => sp.GetRequiredService<AccessRevoker>());
        builder.Services.AddSingleton<IAccessChangeBus, LocalAccessChangeBus>();
        builder.Services.AddHostedService<AccessRecheck>();
        return builder;
    }
}
