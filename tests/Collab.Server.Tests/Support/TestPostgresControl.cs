using System.Diagnostics;

namespace Collab.Server.Tests.Support;

/// <summary>Stops and starts the shared throwaway PostgreSQL (<c>COLLAB_TEST_PG_CTL</c>) for outage tests.</summary>
public static class TestPostgresControl
{
    public static Task StopAsync() => RunAsync("stop");

    public static Task StartAsync() => RunAsync("start");

    private static async Task RunAsync(string verb)
    {
        var script = Environment.GetEnvironmentVariable("COLLAB_TEST_PG_CTL") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("COLLAB_TEST_PG_CTL is not set: run through ./test.sh or start_test_services.");
        using var process = Process.Start(new ProcessStartInfo(script, [verb]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} {verb} exited with {process.ExitCode}.");
    }
}
