using Collab.Server.Storage;
using Collab.Server.Storage.Postgres;
using Collab.Server.Storage.Sqlite;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab.Server.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log on whichever backend storage chose (its table is created at start) and the login auditing.</summary>
    public static IHostApplicationBuilder AddCollabAudit(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBackendSingleton<IAuditStore, SqliteAuditStore, PostgresAuditStore>();
        services.AddBackendSingleton<IStoreSchemaContributor, SqliteAuditSchema, PostgresAuditSchema>();
        services.AddHostedService<StoreSchemaContributorInitializer>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<LoginAuditor>();
        services.AddSingleton<HubLoginAuditFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<HubLoginAuditFilter>());
        return builder;
    }

    /// <summary>Call after authentication, so the caller is known.</summary>
    public static IApplicationBuilder UseCollabAudit(this IApplicationBuilder app) => app.UseMiddleware<LoginAuditMiddleware>();

    public static IEndpointRouteBuilder MapCollabAudit(this IEndpointRouteBuilder app) => app.MapAuditEndpoints();

}
