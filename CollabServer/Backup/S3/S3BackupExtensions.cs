using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup.S3;

public static class S3BackupExtensions
{
    private const string HealthTag = "backup";

    /// <summary>
    /// Scheduled backups to S3 (<see cref="S3BackupOptions"/>) and what the restore command needs.
    /// The options are always bound and checked, the scheduler only runs with an endpoint set.
    /// </summary>
    public static IHostApplicationBuilder AddCollabS3Backup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<S3BackupOptions>()
            .Bind(builder.Configuration.GetSection(S3BackupOptions.Section))
            .Validate(o => !o.Enabled || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Backup:S3:Endpoint must be an http(s) URL.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Bucket), "Backup:S3:Bucket is required with Backup:S3:Endpoint.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.AccessKey) && !string.IsNullOrWhiteSpace(o.SecretKey),
                "Backup:S3:AccessKey and Backup:S3:SecretKey are required with Backup:S3:Endpoint.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Region), "Backup:S3:Region must not be empty.")
            .Validate(o => BackupSchedule.TryParse(o.Schedule, out _),
                "Backup:S3:Schedule must be an interval of at least 1 s (06:00:00) or a five-field cron expression (0 3 * * *).")
            .Validate(o => o.KeepLast >= 0 && o.KeepDays >= 0, "Backup:S3:KeepLast and Backup:S3:KeepDays must be 0 or more.")
            .Validate(o => o.Prefix.Length == 0 || o.Prefix.EndsWith('/') && !o.Prefix.StartsWith('/'),
                "Backup:S3:Prefix must end with '/' and not start with one (or be empty).")
            .Validate(o => o.EncryptionKey is null || BackupCipher.IsValidKey(o.EncryptionKey),
                $"Backup:S3:EncryptionKey must be base64 of exactly {BackupCipher.KeyBytes} bytes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<BackupMetrics>();
        builder.Services.AddSingleton<S3BackupStatus>();
        builder.Services.AddSingleton<BackupBucket>();
        builder.Services.AddSingleton<S3BackupRunner>();
        builder.Services.AddHealthChecks().AddCheck<S3BackupHealthCheck>("s3-backup", tags: [HealthTag]);
        if (builder.Configuration.GetSection(S3BackupOptions.Section).Get<S3BackupOptions>() is { Enabled: true })
            builder.Services.AddHostedService<S3BackupScheduler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabS3Backup(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/backup", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTag) });
        return app;
    }
}
