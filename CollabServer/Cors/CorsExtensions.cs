using Microsoft.Extensions.Options;

namespace Collab.Server.Cors;

public static class CorsExtensions
{
    private const string PolicyName = "collab";

    /// <summary>Binds and checks <c>Cors:AllowedOrigins</c> at start; the policy is built from it.</summary>
    public static IHostApplicationBuilder AddCollabCors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrossOriginOptions>()
            .Bind(builder.Configuration.GetSection(CrossOriginOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CrossOriginOptions>, CrossOriginOptionsValidator>();
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CrossOriginOptions>>((cors, origins) => cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins(origins.Value.AllowedOrigins)
                .AllowCredentials()
                .AllowAnyHeader()
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }

    /// <summary>
    /// Only on <c>/api</c> and <c>/hubs</c>, and only when origins are configured: the web client and
    /// the docs pages are same-origin, and y-websocket upgrades are not subject to CORS.
    /// Before authentication, so a preflight (which carries no token) is answered, not refused.
    /// </summary>
    public static IApplicationBuilder UseCollabCors(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<CrossOriginOptions>>().Value.AllowedOrigins.Length == 0) return app;
        return app.UseWhen(
            http => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"),
            branch => branch.UseCors(PolicyName));
    }
}
