using System.Diagnostics;
using System.Net.Sockets;

namespace Collab.LoadBench;

/// <summary>One server process on 127.0.0.1 (Collab or a reference), with its CPU time and peak memory read from /proc.</summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private ServerUnderTest(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }
    public int Port { get; }

    public static async Task<ServerUnderTest> StartAsync(string name, string file, IEnumerable<string> args, IDictionary<string, string> env, int port, string? workingDirectory = null)
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
                return new ServerUnderTest(name, process, port);
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
