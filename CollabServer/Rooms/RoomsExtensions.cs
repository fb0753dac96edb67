using Collab.Server.Observability;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collab.Server.Rooms;

public static class RoomsExtensions
{
    /// <summary>Live documents: the room registry and the background compactor that feeds on it.</summary>
    public static IHostApplicationBuilder AddCollabRooms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoomOptions>()
            .Bind(builder.Configuration.GetSection(RoomOptions.Section))
            .Validate(o => o.UnloadGraceSeconds >= 0, "Rooms:UnloadGraceSeconds must not be negative.")
            .Validate(o => o.CompactAfterUpdates >= 1, "Rooms:CompactAfterUpdates must be at least 1.")
            .Validate(o => o.CompactLogShare is >= 0 and <= 100, "Rooms:CompactLogShare must be between 0 and 100.")
            .Validate(o => o.CompactMaxLogEntries >= o.CompactAfterUpdates, "Rooms:CompactMaxLogEntries must be at least Rooms:CompactAfterUpdates.")
            .Validate(o => o.PeerQueueCapacity >= 16, "Rooms:PeerQueueCapacity must be at least 16.")
            .Validate(o => o.MaxBatch >= 1, "Rooms:MaxBatch must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<Compactor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Compactor>());
        builder.Services.AddSingleton<RoomManager>();
        builder.Services.TryAddSingleton<IRoomBus, SingleNodeRoomBus>(); // AddCollabCluster replaces it in clustered mode

        return builder;
    }

    /// <summary>Points the room gauges and counters (rooms loaded, resyncs, dropped slow readers) at this replica's rooms.</summary>
    public static WebApplication UseCollabRooms(this WebApplication app)
    {
        var rooms = app.Services.GetRequiredService<RoomManager>();
        var metrics = app.Services.GetRequiredService<CollabMetrics>();
        metrics.ObserveRoomsLoaded(() => rooms.Count);
        rooms.Resynced += metrics.RoomResynced;
        rooms.SlowReaderDropped += metrics.SlowReaderDropped;
        return app;
    }
}
