using System.Diagnostics;
using System.Net.Sockets;

namespace Collab.LoadBench;

/// <summary>One server process on 127.0.0.1 (Collab or a reference), with its CPU time and peak memory read from /proc.</summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private static readonly HttpClient Http = new();
    private readonly string? _metricsPath;

    private ServerUnderTest(string name, Process process, int port, string? metricsPath)
    {
        _metricsPath = metricsPath;
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }
    public int Port { get; }

    public static async Task<ServerUnderTest> StartAsync(string name, string file, IEnumerable<string> args, IDictionary<string, string> env, int port, string? workingDirectory = null, string? metricsPath = null)
    {
        var info = new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in env) info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("rror")) Console.Error.WriteLine($"[{name}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with {process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                await Task.Delay(500); // listening is not always serving yet
                return new ServerUnderTest(name, process, port, metricsPath);
            }
            catch (SocketException) { await Task.Delay(200); }
        }
        throw new TimeoutException($"{name} did not listen on {port}");
    }

    /// <summary>user+system CPU seconds so far.</summary>
    public double CpuSeconds()
    {
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    /// <summary>
    /// Bytes the server's runtime allocated so far, from its Prometheus scrape (.NET's
    /// <c>dotnet.gc.heap.total_allocated</c>); null for a server without one (the Node references).
    /// </summary>
    public async Task<double?> AllocatedBytesAsync()
    {
        if (_metricsPath is null) return null;
        var scrape = await Http.GetStringAsync($"http://127.0.0.1:{Port}{_metricsPath}");
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith("dotnet_gc_heap_total_allocated_bytes", StringComparison.Ordinal) && !line.StartsWith('#'))
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }

    public long RssBytes() => StatusKb("VmRSS:") * 1024;

    public long PeakRssBytes() => StatusKb("VmHWM:") * 1024;

    private long StatusKb(string field) =>
        long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field))[field.Length..].Trim().Split(' ')[0]);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
