using System.Diagnostics;

namespace Collab.Server.Tests.Support;

/// <summary>
/// The throwaway Redis that <c>scripts/test-services.sh</c> starts: its address, and a stop and
/// start for fault tests (killed by its pid file, started again with its own command line).
/// </summary>
public static class TestRedis
{
    public static string Configuration => Required("COLLAB_TEST_REDIS");

    /// <summary>SIGKILL, as a crash would; waits until the process is gone.</summary>
    public static async Task KillAsync()
    {
        var pid = int.Parse((await File.ReadAllTextAsync(Required("COLLAB_TEST_REDIS_PIDFILE"))).Trim());
        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync();
    }

    public static async Task StartAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", Required("COLLAB_TEST_REDIS_CMD")]) { UseShellExecute = false })!;
        await process.WaitForExitAsync(); // the command daemonizes
        if (process.ExitCode != 0) throw new InvalidOperationException($"redis-server did not start (exit {process.ExitCode}).");
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the cluster tests through ./test.sh, or `. scripts/test-services.sh && start_test_services` first.");
}
