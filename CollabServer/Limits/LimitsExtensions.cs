namespace Collab.Server.Limits;

public static class LimitsExtensions
{
    /// <summary>Binds and checks the limits at start so a typo fails fast instead of disabling a bound.</summary>
    public static IHostApplicationBuilder AddCollabLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitOptions>()
            .Bind(builder.Configuration.GetSection(LimitOptions.Section))
            .Validate(o => o.MaxMessageBytes is >= 1024 and <= 256 * 1024 * 1024, "Limits:MaxMessageBytes must be between 1024 and 268435456.")
            .Validate(o => o.MaxDocumentBytes >= o.MaxMessageBytes, "Limits:MaxDocumentBytes must be at least Limits:MaxMessageBytes.")
            .Validate(o => o.MaxNestingDepth is >= 4 and <= 256, "Limits:MaxNestingDepth must be between 4 (a notebook's own depth) and 256.")
            .Validate(o => o.MaxPendingBytes is >= 0 and <= 256 * 1024 * 1024, "Limits:MaxPendingBytes must be between 0 and 268435456.")
            .Validate(o => o.UpdatesPerSecond > 0, "Limits:UpdatesPerSecond must be greater than 0.")
            .Validate(o => o.UpdateBurst >= 1, "Limits:UpdateBurst must be at least 1.")
            .Validate(o => o.SyncRequestsPerMinute >= 1, "Limits:SyncRequestsPerMinute must be at least 1.")
            .Validate(o => o.SyncRequestBurst >= 1, "Limits:SyncRequestBurst must be at least 1.")
            .Validate(o => o.MaxQueuedBytesPerConnection >= 64 * 1024, "Limits:MaxQueuedBytesPerConnection must be at least 65536.")
            .Validate(o => o.SlowReaderCloseSeconds is >= 1 and <= 60, "Limits:SlowReaderCloseSeconds must be between 1 and 60.")
            .Validate(o => o.MessageAssemblySeconds is >= 1 and <= 3600, "Limits:MessageAssemblySeconds must be between 1 and 3600.")
            .Validate(o => o.MaxConnectionsPerUser >= 1, "Limits:MaxConnectionsPerUser must be at least 1.")
            .Validate(o => o.MaxConnectionsPerAddress >= 1, "Limits:MaxConnectionsPerAddress must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ConnectionGate>();
        return builder;
    }
}
