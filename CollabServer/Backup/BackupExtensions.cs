namespace Collab.Server.Backup;

public static class BackupExtensions
{
    /// <summary>Whole-project backup and import; needs the chat store (<c>AddCollabChat</c>).</summary>
    public static IHostApplicationBuilder AddCollabBackup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>()
            .Bind(builder.Configuration.GetSection(BackupOptions.Section))
            .Validate(o => o.MaxArchiveBytes >= 1024 * 1024, "Backup:MaxArchiveBytes must be at least 1048576.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ProjectBackupWriter>();
        builder.Services.AddSingleton<ProjectRestorer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabBackup(this IEndpointRouteBuilder app) => app.MapBackupEndpoints();
}
