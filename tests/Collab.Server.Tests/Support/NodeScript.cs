using System.Text.Json.Nodes;

namespace Collab.Server.Tests.Support;

/// <summary>Runs a script of tests/interop with Node and returns the JSON after its "RESULT " line.</summary>
public static class NodeScript
{
    public static async Task<JsonObject> RunAsync(string script, JsonObject config, TimeSpan timeout)
    {
        var (exitCode, output, errors) = await Command.RunSeparatelyAsync("node", [script, config.ToJsonString()], RepoPaths.Interop, timeout);
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"node {script} printed no RESULT (exit {exitCode}):\n{output}\n{errors}");
        return JsonNode.Parse(line["RESULT ".Length..])!.AsObject();
    }
}
