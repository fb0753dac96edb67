using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Collab.Server.Tests.Support;

/// <summary>Runs a script of tests/interop with Node and returns the JSON after its "RESULT " line.</summary>
public static class NodeScript
{
    public static async Task<JsonObject> RunAsync(string script, JsonObject config, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("node", [script, config.ToJsonString()])
        {
            WorkingDirectory = RepoPaths.Interop,
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
            throw new TimeoutException($"node {script} ran past {timeout}:\n{await stderr}");
        }
        var output = await stdout;
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"node {script} printed no RESULT (exit {process.ExitCode}):\n{output}\n{await stderr}");
        return JsonNode.Parse(line["RESULT ".Length..])!.AsObject();
    }
}
