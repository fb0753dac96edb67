using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Collab.Server.Tests.Support;

/// <summary>
/// A real S3-compatible server (<c>tests/interop/s3-server.mjs</c>, the npm <c>s3rver</c>) on
/// 127.0.0.1 and a free port, with one bucket, keeping its objects as files in a temp directory.
/// Its one account is S3RVER/S3RVER; an unknown access key is refused (the signature itself is not checked).
/// </summary>
public sealed class S3TestServer : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    private readonly Process _process;
    private readonly string _directory;

    private S3TestServer(Process process, string directory, string bucket, int port)
    {
        _process = process;
        _directory = directory;
        Bucket = bucket;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }
    public string Bucket { get; }

    /// <summary>Where the bucket's objects lie on disk, as s3rver stores them.</summary>
    public string BucketDirectory => Path.Combine(_directory, Bucket);

    /// <summary>The <c>Backup:S3</c> settings that point Collab at this server.</summary>
    public Dictionary<string, string> Settings(string? accessKey = null) => new()
    {
        ["Backup:S3:Endpoint"] = Endpoint,
        ["Backup:S3:Bucket"] = Bucket,
        ["Backup:S3:AccessKey"] = accessKey ?? AccessKey,
        ["Backup:S3:SecretKey"] = SecretKey,
    };

    public static async Task<S3TestServer> StartAsync(string bucket = "collab-backups")
    {
        var directory = Directory.CreateTempSubdirectory("collab-s3-").FullName;
        var config = new JsonObject { ["directory"] = directory, ["bucket"] = bucket };
        var info = new ProcessStartInfo("node", ["s3-server.mjs", config.ToJsonString()])
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
                return new S3TestServer(process, directory, bucket, (int)JsonNode.Parse(line["READY ".Length..])!["port"]!);
        }
        await process.WaitForExitAsync(cts.Token); // stdout ended: the script is exiting
        throw new InvalidOperationException($"s3-server.mjs exited ({process.ExitCode}) before it was ready; run npm ci in tests/interop.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
