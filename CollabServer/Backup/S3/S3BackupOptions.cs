namespace Collab.Server.Backup.S3;

/// <summary>
/// Scheduled backups to an S3-compatible bucket (section <c>Backup:S3</c>; MinIO, Ceph RGW, AWS S3).
/// Off while <see cref="Endpoint"/> is empty. Keys and secrets belong in a secret (environment
/// variables such as <c>Backup__S3__SecretKey</c>), not in appsettings.json.
/// </summary>
public sealed class S3BackupOptions
{
    public const string Section = "Backup:S3";

    /// <summary><c>Backup:S3:Endpoint</c>: the service URL, e.g. <c>https://minio.example.org</c>. Empty: no S3 backups.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Backup:S3:Bucket</c>: an existing bucket; Collab does not create it.</summary>
    public string? Bucket { get; set; }

    /// <summary><c>Backup:S3:Region</c>: the signing region (MinIO and Ceph accept the default).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary><c>Backup:S3:AccessKey</c> and <c>Backup:S3:SecretKey</c>: the credentials.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>
    /// <c>Backup:S3:ForcePathStyle</c>: address the bucket as <c>endpoint/bucket/key</c> (MinIO, Ceph
    /// and most self-hosted servers) rather than as a virtual host <c>bucket.endpoint</c>.
    /// </summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary><c>Backup:S3:Prefix</c>: where in the bucket this deployment's backups go.</summary>
    public string Prefix { get; set; } = "collab/";

    /// <summary>
    /// <c>Backup:S3:Schedule</c>: an interval (<c>06:00:00</c>, <c>1.00:00:00</c>) or a five-field
    /// cron expression in UTC (<c>0 3 * * *</c>).
    /// </summary>
    public string Schedule { get; set; } = "0 3 * * *";

    /// <summary><c>Backup:S3:Projects</c>: back up every project as a signed archive (one object per project per run).</summary>
    public bool Projects { get; set; } = true;

    /// <summary><c>Backup:S3:Database</c>: dump the whole database too (SQLite online copy; PostgreSQL through pg_dump).</summary>
    public bool Database { get; set; } = true;

    /// <summary><c>Backup:S3:KeepLast</c>: newest backups kept per project and of the database; 0: no count limit.</summary>
    public int KeepLast { get; set; } = 7;

    /// <summary><c>Backup:S3:KeepDays</c>: backups older than this are deleted (the newest is always kept); 0: no age limit.</summary>
    public int KeepDays { get; set; }

    /// <summary><c>Backup:S3:ServerSideEncryption</c>: ask the server to encrypt at rest with its own keys (SSE-S3, AES256).</summary>
    public bool ServerSideEncryption { get; set; }

    /// <summary>
    /// <c>Backup:S3:EncryptionKey</c>: base64 of a 32-byte key; when set, every object is encrypted
    /// here with AES-256-GCM before upload, so neither the storage nor its operators can read it.
    /// Losing the key loses the backups.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary><c>Backup:S3:PgDumpPath</c> and <c>Backup:S3:PgRestorePath</c>: the PostgreSQL client programs.</summary>
    public string PgDumpPath { get; set; } = "pg_dump";

    public string PgRestorePath { get; set; } = "pg_restore";

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
