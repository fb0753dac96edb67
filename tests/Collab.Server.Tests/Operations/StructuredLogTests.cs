using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Logs are one JSON object per line, and lines written inside a request carry its trace id.
/// A server process: the test reads what the server writes to its console.
/// </summary>
[Trait("Needs", "Server")]
public sealed class StructuredLogTests
{
    [Fact]
    public async Task Request_logs_are_json_lines_with_a_trace_id()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        using var client = server.Client(TestTokens.For("olivia"));
        (await client.GetAsync("/api/projects")).EnsureSuccessStatusCode();

        var traced = await Eventually.HoldsAsync(() => Lines(server).Any(HasTraceId));
        Assert.True(traced, server.Log);
        Assert.All(Lines(server), line => JsonDocument.Parse(line).Dispose());
    }

    private static IEnumerable<string> Lines(ServerProcess server) =>
        server.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool HasTraceId(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
            && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object
                && s.TryGetProperty("TraceId", out var id) && id.GetString() is { Length: 32 } hex && hex.Any(c => c != '0'));
    }
}
