using Collab.Server.Backup.S3;

namespace Collab.Server.Backup;

public static class BackupExtensions
{
    /// <summary>Whole-project backup and import; needs the chat store (<c>AddCollabChat</c>).</summary>
    public static IHostApplicationBuilder AddCollabBackup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>()
            .Bind(builder.Configuration.GetSection(BackupOptions.Section))
            .Validate(o => o.MaxArchiveBytes >= 1024 * 1024, "Backup:MaxArchiveBytes must be at least 1048576.")
            .Validate(o => o.MaxUnpackedBytes >= 1024 * 1024, "Backup:MaxUnpackedBytes must be at least 1048576.")
            // Zip64 archives are refused, so more entries than a plain zip holds could never be read.
            .Validate(o => o.MaxEntries is >= 3 and < ushort.MaxValue, "Backup:MaxEntries must be between 3 and 65534.")
            .Validate(o => o.MaxCompressionRatio >= 1, "Backup:MaxCompressionRatio must be at least 1.")
            .Validate(o => o.SigningKey is null || BackupSigner.IsValidKey(o.SigningKey),
                $"Backup:SigningKey must be base64 of at least {BackupSigner.MinKeyBytes} bytes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<BackupSigner>();
        builder.Services.AddSingleton<ProjectBackupWriter>();
        builder.Services.AddSingleton<ProjectRestorer>();
        builder.AddCollabS3Backup();
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabBackup(this IEndpointRouteBuilder app) => app.MapBackupEndpoints().MapCollabS3Backup();
}
