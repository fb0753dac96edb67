using System.Diagnostics;

namespace Collab.Server.Tests.Support;

/// <summary>Runs a command (promtool, a repository script) to its end and returns its exit code and output.</summary>
public static class Command
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var (exitCode, stdout, stderr) = await RunSeparatelyAsync(file, arguments, workingDirectory, timeout);
        return (exitCode, stdout + stderr);
    }

    /// <summary>As <see cref="RunAsync"/>, with standard output and error apart.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunSeparatelyAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} ran past {timeout}:\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
