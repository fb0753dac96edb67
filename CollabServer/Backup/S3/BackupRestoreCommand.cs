using Collab.Server.Limits;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup.S3;

/// <summary>
/// <c>backup-restore list [--project id | --database]</c>: the backups in the bucket, newest last.
/// <c>backup-restore project --key KEY [--project-id id] [--owner user]</c>: reads an archive back
/// and creates the project from it (as <c>POST /api/projects/import</c> would), owned by
/// <c>--owner</c> or else by the archive's first owner.
/// <c>backup-restore database --key KEY [--to path | --to database]</c>: a whole-database dump back
/// into an empty database (see <see cref="IDatabaseDump.RestoreAsync"/>). Uses the server's own
/// settings (<c>Backup:S3:*</c>, the store), so run it as the server is run, with its environment.
/// </summary>
public static class BackupRestoreCommand
{
    public const string Name = "backup-restore";
    private const string Usage =
        "usage: backup-restore list [--project <id> | --database]\n" +
        "       backup-restore project --key <object key> [--project-id <new id>] [--owner <user>]\n" +
        "       backup-restore database --key <object key> [--to <sqlite file | postgres database>]";

    public static bool IsRequested(string[] args) => args.FirstOrDefault() == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var verb = args.ElementAtOrDefault(1);
        var options = Parse(args.Skip(2).ToArray());
        var s3 = services.GetRequiredService<IOptions<S3BackupOptions>>().Value;
        if (!s3.Enabled)
        {
            await Console.Error.WriteLineAsync("Backup:S3:Endpoint is not set: there is no bucket to restore from.");
            return 2;
        }
        var bucket = services.GetRequiredService<BackupBucket>();
        try
        {
            switch (verb)
            {
                case "list":
                    var prefix = options.TryGetValue("project", out var project) ? BackupObjectKey.ProjectSeries(s3.Prefix, project)
                        : options.ContainsKey("database") ? BackupObjectKey.DatabaseSeries(s3.Prefix) : s3.Prefix;
                    foreach (var key in (await bucket.ListAsync(prefix, CancellationToken.None)).Where(k => BackupObjectKey.TryParse(k) is not null))
                        Console.WriteLine(key);
                    return 0;
                case "project" when options.TryGetValue("key", out var projectKey):
                    return await RestoreProjectAsync(services, bucket, s3, projectKey, options);
                case "database" when options.TryGetValue("key", out var databaseKey):
                    var file = await DownloadAsync(bucket, s3, databaseKey);
                    try
                    {
                        var restored = await services.GetRequiredService<IDatabaseDump>().RestoreAsync(file, options.GetValueOrDefault("to"), CancellationToken.None);
                        Console.WriteLine($"Restored {databaseKey} into {restored}.");
                        return 0;
                    }
                    finally
                    {
                        File.Delete(file);
                    }
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Amazon.S3.AmazonS3Exception ex)
        {
            await Console.Error.WriteLineAsync($"{bucket.Describe()}: {ex.ErrorCode} ({(int)ex.StatusCode}): {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or LimitExceededException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static async Task<int> RestoreProjectAsync(IServiceProvider services, BackupBucket bucket, S3BackupOptions s3, string key, Dictionary<string, string> options)
    {
        var file = await DownloadAsync(bucket, s3, key);
        try
        {
            // What the server's start does (StoreSchemaInitializer, then the contributors): the target may be empty.
            await services.GetRequiredService<IStoreMaintenance>().EnsureSchemaAsync();
            foreach (var contributor in services.GetServices<IStoreSchemaContributor>()) await contributor.EnsureSchemaAsync(CancellationToken.None);
            await using var archive = File.OpenRead(file);
            var owner = options.GetValueOrDefault("owner") ?? ArchiveOwner(archive, services);
            archive.Position = 0;
            var restored = await services.GetRequiredService<ProjectRestorer>().RestoreAsync(archive, owner, options.GetValueOrDefault("project-id"), CancellationToken.None);
            if (restored is null)
            {
                await Console.Error.WriteLineAsync("A project with that id exists; restore under another id with --project-id.");
                return 1;
            }
            Console.WriteLine($"Restored project '{restored.Id}' from {key}, owned by {owner}.");
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The archive's first owner, so a restored project has the owners it had.</summary>
    private static string ArchiveOwner(Stream archive, IServiceProvider services)
    {
        var limits = services.GetRequiredService<IOptions<LimitOptions>>().Value;
        using var zip = BackupArchive.Open(archive, services.GetRequiredService<IOptions<BackupOptions>>().Value, limits.MaxDocumentBytes);
        var manifest = BackupManifestCheck.Parse(zip.ReadAllBytes(BackupManifest.EntryName));
        return manifest.Members.FirstOrDefault(m => m.Role == "owner")?.UserId
            ?? throw new InvalidDataException("The archive names no owner: pass --owner.");
    }

    /// <summary>The object in a temp file, opened from AES-GCM when it was sealed.</summary>
    private static async Task<string> DownloadAsync(BackupBucket bucket, S3BackupOptions s3, string key)
    {
        var parsed = BackupObjectKey.TryParse(key) ?? throw new InvalidDataException($"'{key}' is not the key of a Collab backup (see backup-restore list).");
        var file = Path.Combine(Path.GetTempPath(), $"collab-s3-restore-{Guid.NewGuid():N}");
        try
        {
            if (!parsed.Encrypted)
            {
                await using var output = File.Create(file);
                await bucket.GetAsync(key, output, CancellationToken.None);
                return file;
            }
            if (s3.EncryptionKey is not { Length: > 0 } secret)
                throw new InvalidOperationException($"{key} is encrypted: set Backup:S3:EncryptionKey to the key it was written with.");
            var sealedFile = file + BackupObjectKey.EncryptedSuffix;
            try
            {
                await using (var download = File.Create(sealedFile))
                    await bucket.GetAsync(key, download, CancellationToken.None);
                await using var input = File.OpenRead(sealedFile);
                await using var plain = File.Create(file);
                await new BackupCipher(secret).DecryptAsync(input, plain, CancellationToken.None);
            }
            finally
            {
                File.Delete(sealedFile);
            }
            return file;
        }
        catch
        {
            File.Delete(file);
            throw;
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            result[args[i][2..]] = hasValue ? args[++i] : "";
        }
        return result;
    }
}
