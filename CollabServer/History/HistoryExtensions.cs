using Microsoft.Extensions.Options;

namespace Collab.Server.History;

public static class HistoryExtensions
{
    /// <summary>
    /// Notebook versions: options (the version store comes with the storage backend), the automatic versions and the retention sweep. Call after
    /// <c>AddCollabStorage</c> and <c>AddCollabRooms</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCollabHistory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HistoryOptions>()
            .Bind(builder.Configuration.GetSection(HistoryOptions.Section))
            .Validate(o => o.QuietSeconds >= 1, "History:QuietSeconds must be at least 1.")
            .Validate(o => o.MinSpacingSeconds >= 0, "History:MinSpacingSeconds must not be negative.")
            .Validate(o => o.MaxPageSize > 0, "History:MaxPageSize must be positive.")
            .Validate(o => o.DefaultPageSize > 0 && o.DefaultPageSize <= o.MaxPageSize,
                "History:DefaultPageSize must be between 1 and History:MaxPageSize.")
            .Validate(o => o.MaxNameChars > 0, "History:MaxNameChars must be positive.")
            .Validate(o => o.Retention.KeepAllHours >= 1, "History:Retention:KeepAllHours must be at least 1.")
            .Validate(o => o.Retention.HourlyDays >= 0, "History:Retention:HourlyDays must not be negative.")
            .Validate(o => o.Retention.DailyDays >= 0, "History:Retention:DailyDays must not be negative (0 keeps daily versions for ever).")
            .Validate(o => o.Retention.SweepMinutes >= 1, "History:Retention:SweepMinutes must be at least 1.")
            .ValidateOnStart();

        services.AddSingleton<AuthorNotes>();
        services.AddSingleton<VersionWriter>();
        services.AddSingleton<HistoryService>();
        services.AddSingleton<AutoVersioner>();
        services.AddHostedService(sp => sp.GetRequiredService<AutoVersioner>());
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabHistory(this IEndpointRouteBuilder app) => app.MapHistoryEndpoints();

}
