using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Collab.Server.Audit;

public static class AuditExtensions
{
    /// <summary>The audit trail and the login auditing (the audit store comes with the storage backend).</summary>
    public static IHostApplicationBuilder AddCollabAudit(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
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
