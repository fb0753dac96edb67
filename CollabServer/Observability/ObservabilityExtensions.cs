using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collab.Server.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// OpenTelemetry metrics (ASP.NET Core's request durations plus the <c>Collab.Server</c>
    /// meter) for a Prometheus scrape, and request tracing so every log line carries a trace id.
    /// Call after <c>AddCollabStorage</c>: it wraps the document store registered there.
    /// </summary>
    public static IHostApplicationBuilder AddCollabObservability(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CollabMetrics>();
        services.AddSingleton<HubMetricsFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<HubMetricsFilter>());
        DecorateDocumentStore(services);

        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(CollabMetrics.MeterName)
                .AddPrometheusExporter())
            // No trace exporter: the activities exist so logs (ActivityTrackingOptions) get trace ids.
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(o =>
                o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics")));
        return builder;
    }

    /// <summary>
    /// Points the gauges and counters at the rooms (loaded, resyncs) and cell runs, and counts y-websocket
    /// connections; call before authentication so refused sockets are seen too.
    /// </summary>
    public static IApplicationBuilder UseCollabObservability(this WebApplication app)
    {
        var rooms = app.Services.GetRequiredService<RoomManager>();
        var metrics = app.Services.GetRequiredService<CollabMetrics>();
        metrics.ObserveRoomsLoaded(() => rooms.Count);
        rooms.Resynced += metrics.RoomResynced;
        rooms.SlowReaderDropped += metrics.SlowReaderDropped;
        var execution = app.Services.GetRequiredService<Execution.ExecutionService>();
        metrics.ObserveExecution(() => execution.QueuedCells, () => execution.KernelCount);
        execution.CellFinished += metrics.CellExecuted;
        return app.UseMiddleware<WebSocketConnectionMetricsMiddleware>();
    }

    /// <summary><c>/metrics</c> in the Prometheus text format, unauthenticated for the scraper.</summary>
    public static IEndpointRouteBuilder MapCollabObservability(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void DecorateDocumentStore(IServiceCollection services)
    {
        if (!services.TryDecorate<IDocumentStore>((sp, inner) => new MeteredDocumentStore(inner, sp.GetRequiredService<CollabMetrics>())))
            throw new InvalidOperationException("AddCollabObservability must come after AddCollabStorage.");
    }
}
