using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collab.Server.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// OpenTelemetry metrics (ASP.NET Core's request durations, the runtime's own <c>System.Runtime</c>
    /// meter — GC collections, pauses, bytes allocated, thread pool — and the <c>Collab.Server</c>
    /// meter) for a Prometheus scrape, and request tracing so every log line carries a trace id.
    /// </summary>
    public static IHostApplicationBuilder AddCollabObservability(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CollabMetrics>();
        services.AddSingleton<HubMetricsFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<HubMetricsFilter>());

        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                // Observed only when scraped: costs nothing per update. bench/load reads bytes allocated per edit from it.
                .AddMeter("System.Runtime")
                .AddMeter(CollabMetrics.MeterName)
                .AddView(instrument => new MetricStreamConfiguration { CardinalityLimit = CardinalityLimit(instrument) })
                .AddPrometheusExporter())
            // No trace exporter: the activities exist so logs (ActivityTrackingOptions) get trace ids.
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(o =>
                o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics")));
        return builder;
    }

    /// <summary>
    /// Tag combinations kept per metric. Every metric stream allocates its whole table of points up
    /// front, and the default of 2000 made some 60 streams hold 9 MB from start, more than the rooms
    /// of a hundred small notebooks. The request-duration histogram (route × method × status) keeps
    /// the default; every other metric here has a few tags of few values each (generation, outcome,
    /// hub method, transport), far below 200. Combinations past the limit are counted under
    /// <c>otel.metric.overflow</c>, not lost.
    /// </summary>
    internal static int CardinalityLimit(System.Diagnostics.Metrics.Instrument instrument) =>
        instrument.Name == "http.server.request.duration" ? 2000 : 200;

    /// <summary>
    /// Counts y-websocket connections; call before authentication so refused sockets are seen too.
    /// (Rooms and cell runs point their own gauges at the meter: <c>UseCollabRooms</c>, <c>MapCollabExecution</c>.)
    /// </summary>
    public static IApplicationBuilder UseCollabObservability(this WebApplication app) =>
        app.UseMiddleware<WebSocketConnectionMetricsMiddleware>();

    /// <summary><c>/metrics</c> in the Prometheus text format, unauthenticated for the scraper.</summary>
    public static IEndpointRouteBuilder MapCollabObservability(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
