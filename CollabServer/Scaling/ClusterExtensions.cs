using System.Runtime.CompilerServices;
using Collab.Server.Projects;
using Collab.Server.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Collab.Server.Scaling;

public static class ClusterExtensions
{
    /// <summary>
    /// <c>Cluster:Mode</c>: Single (default) only adds the store-outage hub filter. Clustered shares one Redis connection
    /// between the SignalR backplane (hub groups, so chat reaches every node's clients) and the
    /// rooms' bus (document updates and awareness). The validator stops a half-configured start.
    /// </summary>
    public static IHostApplicationBuilder AddCollabCluster(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ClusterOptions.Section);
        var services = builder.Services;
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.AddOptions<ClusterOptions>().Bind(section).ValidateOnStart();
        services.AddSignalR(o => o.AddFilter<StoreUnavailableHubFilter>());

        var mode = section.Get<ClusterOptions>()?.Mode ?? ClusterMode.Single;
        var redis = builder.Configuration[ClusterOptions.RedisKey];
        if (mode == ClusterMode.Clustered && !string.IsNullOrWhiteSpace(redis)) AddRedis(services, redis);
        return builder;
    }

    // Its own method, kept out of line: compiling AddCollabCluster then loads no Redis assembly, so a
    // single node never maps StackExchange.Redis and the backplane (over 1 MB resident).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddRedis(IServiceCollection services, string redis)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisSettings.Parse(redis)));
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionFactory = _ => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<RedisRoomBus>();
        services.Replace(ServiceDescriptor.Singleton<IRoomBus>(sp => sp.GetRequiredService<RedisRoomBus>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisRoomBus>());
        services.AddSingleton<RedisAccessChangeBus>();
        services.Replace(ServiceDescriptor.Singleton<IAccessChangeBus>(sp => sp.GetRequiredService<RedisAccessChangeBus>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisAccessChangeBus>());
    }
}
