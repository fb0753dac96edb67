using System.ComponentModel;
using System.Diagnostics;
using Collab.Server.Backup.S3;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>
/// PostgreSQL: <c>pg_dump --format=custom</c> (a consistent snapshot taken while the server
/// runs) and <c>pg_restore</c>. Both are the PostgreSQL client programs, which must be installed
/// beside Collab (<c>postgresql-client</c>, the same major version as the server or newer); the
/// connection comes from <c>ConnectionStrings:Postgres</c>, passed in libpq's environment variables
/// so the password is never on a command line.
/// </summary>
public sealed class PostgresDatabaseDump(IOptions<StorageOptions> storage, IOptions<S3BackupOptions> options) : IDatabaseDump
{
    public string Extension => ".pgdump";

    public Task DumpAsync(string file, CancellationToken ct) =>
        RunAsync(options.Value.PgDumpPath, "Backup:S3:PgDumpPath", ["--format=custom", "--no-owner", "--file", file], ct);

    /// <summary>
    /// Restores into the configured database (or the database named by <paramref name="target"/>
    /// on the same server), which should be empty: pg_restore stops at the first object that exists.
    /// </summary>
    public async Task<string> RestoreAsync(string file, string? target, CancellationToken ct)
    {
        var database = target ?? new NpgsqlConnectionStringBuilder(storage.Value.PostgresConnectionString).Database ?? "";
        // The host, port, user and password come from the environment; pg_restore wants the database named.
        string[] args = ["--dbname", database, "--no-owner", "--exit-on-error", "--single-transaction", file];
        await RunAsync(options.Value.PgRestorePath, "Backup:S3:PgRestorePath", args, ct, database);
        return database;
    }

    private async Task RunAsync(string program, string key, string[] args, CancellationToken ct, string? database = null)
    {
        var connection = new NpgsqlConnectionStringBuilder(storage.Value.PostgresConnectionString);
        var info = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PGHOST"] = connection.Host;
        info.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGDATABASE"] = database ?? connection.Database;
        info.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { } password) info.Environment["PGPASSWORD"] = password;
        info.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database dump needs '{program}' ({key}), which is not installed here: install the PostgreSQL " +
                "client programs (Debian: postgresql-client) in the image, or set Backup:S3:Database=false to back up projects only.");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await stdout;
            if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }
    }
}
