using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// Limits and revocation met by the stock npm clients (<c>@microsoft/signalr</c>, <c>yjs</c> +
/// <c>y-websocket</c>, <c>ws</c>; tests/interop/hostile-stock-clients.mjs): each refusal carries the
/// documented code on both transports, and the server carries on for everyone else. A server
/// process: the slow-reader attack reads its drop from the server's own <c>/metrics</c> counter,
/// which an in-process server shares with the others in the test process (meters are process-wide).
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class StockClientLimitTests : IAsyncLifetime
{
    private const int MaxMessageBytes = 64 * 1024;
    private const int MaxConnectionsPerUser = 4;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private const string SlowReaderNotebook = "flood.ipynb";
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Limits:MaxMessageBytes"] = MaxMessageBytes.ToString(),
            ["Limits:MaxConnectionsPerUser"] = MaxConnectionsPerUser.ToString(),
            ["Limits:MaxQueuedBytesPerConnection"] = "65536",
            // Long enough for the paused client to be told it was dropped once it reads again.
            ["Limits:SlowReaderCloseSeconds"] = "30",
        });
        await _server.CreateProjectAsync("alice", "stock");
        foreach (var editor in new[] { "bob", "carl", "mallory", "connie", "fred", "eddie" })
            await _server.AddMemberAsync("alice", "stock", editor, "editor");
        await _server.AddMemberAsync("alice", "stock", "slow", "viewer");
        await _server.CreateNotebookAsync("alice", "stock", "nb.ipynb");
        await _server.CreateNotebookAsync("alice", "stock", SlowReaderNotebook);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private JsonObject Config(string user, string attack) => new()
    {
        ["httpUrl"] = _server.HttpUrl,
        ["wsUrl"] = _server.WsUrl,
        ["project"] = "stock",
        ["doc"] = "nb.ipynb",
        ["token"] = TestTokens.For(user),
        ["attack"] = attack,
    };

    private Task<JsonObject> RunAsync(JsonObject config) => NodeScript.RunAsync("hostile-stock-clients.mjs", config, Timeout);

    [Fact]
    public async Task A_signalr_client_removed_from_the_project_is_told_and_its_writes_are_refused()
    {
        var config = Config("bob", "hub-revoke");
        config["user"] = "bob";
        config["change"] = "remove";
        config["ownerToken"] = TestTokens.For("alice");
        var result = await RunAsync(config);

        Assert.Equal(204, (int)result["status"]!);
        var notices = result["notices"]!.AsArray();
        Assert.Contains(notices, n => (string?)n!["event"] == "AccessChanged" && n["role"] is null);
        Assert.Contains(notices, n => (string?)n!["event"] == "RoomClosed" && ((string?)n["reason"])!.Contains("no longer a member"));
        Assert.StartsWith("[forbidden]", HubError(result["refused"]));
        await AssertOthersCanEditAsync();
    }

    [Fact]
    public async Task A_signalr_client_lowered_to_viewer_is_told_and_its_writes_are_refused()
    {
        var config = Config("carl", "hub-revoke");
        config["user"] = "carl";
        config["change"] = "viewer";
        config["ownerToken"] = TestTokens.For("alice");
        var result = await RunAsync(config);

        Assert.Equal(200, (int)result["status"]!);
        Assert.Contains(result["notices"]!.AsArray(), n => (string?)n!["event"] == "AccessChanged" && (string?)n["role"] == "viewer");
        Assert.StartsWith("[forbidden]", HubError(result["refused"]));
        var export = await _server.ExportAsync("alice", "stock", "nb.ipynb");
        Assert.DoesNotContain("\"after\"", export.ToJsonString());
    }

    [Fact]
    public async Task An_oversized_update_from_a_yjs_editor_is_refused_with_too_large_on_both_transports()
    {
        var config = Config("mallory", "oversized");
        config["bytes"] = MaxMessageBytes + 30_000;
        var result = await RunAsync(config);

        Assert.Equal(1009, (int)result["ws"]!["code"]!);
        Assert.StartsWith("[too_large]", (string?)result["ws"]!["reason"]);
        Assert.Contains("Limits:MaxMessageBytes", (string?)result["ws"]!["reason"]);
        Assert.StartsWith("[too_large]", HubError(result["hubError"]));
        Assert.DoesNotContain("xxxx", (await _server.ExportAsync("alice", "stock", "nb.ipynb")).ToJsonString());
        await AssertOthersCanEditAsync();
    }

    [Fact]
    public async Task A_flood_of_sync_step_1_is_rate_limited_and_the_connection_stays_open()
    {
        var config = Config("connie", "step1-flood");
        config["count"] = 40;
        var result = await RunAsync(config);

        var denied = result["denied"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.NotEmpty(denied);
        Assert.All(denied, d => Assert.StartsWith("[rate_limited retry_after=", d));
        Assert.Contains("Limits:SyncRequestsPerMinute", denied[0]);
        Assert.True((bool)result["open"]!);
        await AssertOthersCanEditAsync();
    }

    [Fact]
    public async Task A_user_past_the_connection_cap_is_refused_with_rate_limited_on_both_transports()
    {
        var config = Config("fred", "connections");
        config["count"] = MaxConnectionsPerUser;
        var result = await RunAsync(config);

        Assert.Equal(429, (int)result["refusal"]!["status"]!);
        var problem = JsonNode.Parse((string)result["refusal"]!["body"]!)!;
        Assert.Equal("rate_limited", (string?)problem["code"]);
        Assert.Contains("Limits:MaxConnectionsPerUser", (string?)problem["detail"]);
        Assert.Contains("[rate_limited]", (string?)result["hubError"]);
        await AssertOthersCanEditAsync();
    }

    [Fact]
    public async Task A_y_websocket_reader_that_stops_reading_is_closed_with_a_reason_once_it_reads_again()
    {
        var config = Config("slow", "slow-reader");
        config["doc"] = SlowReaderNotebook; // it grows by megabytes until the reader is dropped
        config["editorToken"] = TestTokens.For("eddie");
        config["bytes"] = 60_000;
        config["count"] = 600; // 36 MB at most: far past what socket buffers hold, well under Limits:MaxDocumentBytes
        var result = await RunAsync(config);

        Assert.True((bool)result["dropped"]!, result.ToJsonString());
        Assert.True(result["close"] is JsonObject, result.ToJsonString());
        Assert.Equal(1013, (int)result["close"]!["code"]!);
        Assert.StartsWith("[too_large]", (string?)result["close"]!["reason"]);
        Assert.Contains("Limits:MaxQueuedBytesPerConnection", (string?)result["close"]!["reason"]);
        await AssertOthersCanEditAsync();
    }

    /// <summary>The hub error without the client's prefix ("… HubException: [code] text").</summary>
    private static string HubError(JsonNode? error)
    {
        var text = (string?)error ?? "";
        var at = text.IndexOf('[');
        return at < 0 ? text : text[at..];
    }

    private async Task AssertOthersCanEditAsync()
    {
        await using var alice = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "stock", "nb.ipynb");
        alice.Edit(doc => doc.GetMap("state").Set("dirty", true));
        await alice.FlushAsync();
    }
}
