using Collab.Server.Hubs;

namespace Collab.Server.Access;

public static class AccessExtensions
{
    /// <summary>Live enforcement of membership changes; in a cluster the Redis bus replaces the local one (AddCollabCluster).</summary>
    public static IHostApplicationBuilder AddCollabAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChatConnections>();
        builder.Services.AddSingleton<AccessRevoker>();
        builder.Services.AddSingleton<IAccessChangeBus, LocalAccessChangeBus>();
        return builder;
    }
}
