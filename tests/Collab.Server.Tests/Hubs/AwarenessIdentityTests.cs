using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Hubs;

/// <summary>
/// Presence says who a client is from its token, not from what it claims: on both transports the
/// server rewrites the identity fields of <c>user</c>, keeps the colour, and ignores states for
/// client ids that another connection holds.
/// </summary>
[Trait("Needs", "Server")]
public sealed class AwarenessIdentityTests(AwarenessIdentityTests.AwarenessServer fixture) : IClassFixture<AwarenessIdentityTests.AwarenessServer>, IAsyncLifetime
{
    private const string Doc = "welcome.ipynb";

    /// <summary>One server for the class; each test's clients meet in a project of its own, so no presence carries over.</summary>
    public sealed class AwarenessServer : ClassServer;

    private InProcessServer Server => fixture.Server;

    private string Project { get; set; } = null!;

    public async Task InitializeAsync() => Project = await fixture.NewProjectAsync("who", "alice", ("vera", "viewer"), ("eddie", "editor"));

    public Task DisposeAsync() => Task.CompletedTask;

    private static byte[] State(ulong clientId, string json, int clock = 1)
    {
        var awareness = new Awareness(clientId);
        for (var i = 0; i < clock; i++) awareness.SetLocalState(JsonNode.Parse(json));
        return awareness.EncodeUpdate([clientId]);
    }

    [Fact]
    public async Task A_viewer_cannot_pose_as_someone_else_over_the_hub()
    {
        await using var watcher = await HubDocClient.JoinAsync(Server, TestTokens.For("alice"), Project, Doc);
        await using var alice = await HubDocClient.JoinAsync(Server, TestTokens.For("alice"), Project, Doc);
        await using var vera = await HubDocClient.JoinAsync(Server, TestTokens.For("vera"), Project, Doc);
        await alice.Connection.InvokeAsync("SendAwareness", Project, Doc, State(777, """{"user":{"name":"alice","color":"#00f"}}"""));
        await vera.Connection.InvokeAsync("SendAwareness", Project, Doc,
            State(4242, """{"user":{"name":"alice","id":"alice","display_name":"Alice","avatar_url":"http://evil/","color":"#f80"},"cell":"c1"}"""));
        // Vera also tries to take over Alice's client id with a newer clock.
        await vera.Connection.InvokeAsync("SendAwareness", Project, Doc, State(777, """{"user":{"name":"vera is not here"}}""", clock: 5));

        var seen = new Awareness(1);
        Assert.True(await Eventually.HoldsAsync(() => Apply(watcher, seen) && seen.GetStates().ContainsKey(4242) && seen.GetStates().ContainsKey(777)));
        var user = seen.GetStates()[4242]!["user"]!.AsObject();
        Assert.Equal(("vera", "vera", "vera", "#f80"),
            ((string?)user["name"], (string?)user["id"], (string?)user["display_name"], (string?)user["color"]));
        Assert.False(user.ContainsKey("avatar_url"));
        Assert.Equal("c1", (string?)seen.GetStates()[4242]!["cell"]);
        // Vera's next state follows the takeover on the same connection, through the same room: once
        // it is seen, a wrongly forwarded takeover would have been seen before it.
        await vera.Connection.InvokeAsync("SendAwareness", Project, Doc, State(4343, """{"user":{"name":"vera"}}"""));
        Assert.True(await Eventually.HoldsAsync(() => Apply(watcher, seen) && seen.GetStates().ContainsKey(4343)));
        Assert.Equal("alice", (string?)seen.GetStates()[777]!["user"]!["name"]);
    }

    [Fact]
    public async Task A_y_websocket_client_is_stamped_the_same_way()
    {
        await using var watcher = await HubDocClient.JoinAsync(Server, TestTokens.For("alice"), Project, Doc);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"{Server.WsUrl}/yjs/{Project}/{Doc}?access_token={TestTokens.For("eddie")}"), CancellationToken.None);
        var frame = new Lib0Writer();
        frame.WriteVarUint(1UL); // y-websocket message type: awareness
        frame.WriteVarUint8Array(State(9001, """{"user":{"name":"alice","color":"#0a0"}}"""));
        await socket.SendAsync(frame.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);

        var seen = new Awareness(1);
        Assert.True(await Eventually.HoldsAsync(() => Apply(watcher, seen) && seen.GetStates().ContainsKey(9001)));
        Assert.Equal(("eddie", "#0a0"), ((string?)seen.GetStates()[9001]!["user"]!["name"], (string?)seen.GetStates()[9001]!["user"]!["color"]));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private static bool Apply(HubDocClient client, Awareness into)
    {
        lock (client.AwarenessReceived)
        {
            foreach (var update in client.AwarenessReceived) into.ApplyUpdate(update, "remote");
            client.AwarenessReceived.Clear();
        }
        return true;
    }
}
