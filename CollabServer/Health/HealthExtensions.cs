using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Collab.Server.Health;

public static class HealthExtensions
{
    private const string ReadyTag = "ready";

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and its store is reachable.</summary>
    public static IHostApplicationBuilder AddCollabHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return app;
    }
}
