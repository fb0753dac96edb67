using System.Text.Json.Nodes;
using Collab.Crdt.Protocols;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Hubs;

/// <summary>Presence over the hub: others see it, a late joiner gets it, and it goes when the connection drops.</summary>
[Trait("Needs", "Server")]
public sealed class AwarenessTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer();
        await _server.CreateProjectAsync("alice", "presence");
        await _server.AddMemberAsync("alice", "presence", "vera", "viewer");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Presence_reaches_others_and_is_removed_when_the_connection_drops()
    {
        await using var watcher = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "presence", "welcome.ipynb", messagePack: true);
        var viewer = await HubDocClient.JoinAsync(_server, TestTokens.For("vera"), "presence", "welcome.ipynb");

        var awareness = new Awareness(4242);
        awareness.SetLocalState(JsonNode.Parse("""{"user":{"name":"Vera","color":"#ff8800"},"cursor":{"cell":2}}"""));
        await viewer.Connection.InvokeAsync("SendAwareness", "presence", "welcome.ipynb", awareness.EncodeUpdate([4242UL]));

        var seen = new Awareness(1);
        Assert.True(await Eventually.HoldsAsync(() => Apply(watcher, seen) && seen.GetStates().ContainsKey(4242)),
            "the watcher never saw the viewer's presence");
        Assert.Equal("vera", (string?)seen.GetStates()[4242]!["user"]!["name"]); // stamped from the token (AwarenessIdentityTests)

        await viewer.DisposeAsync(); // the connection drops without LeaveRoom
        Assert.True(await Eventually.HoldsAsync(() => Apply(watcher, seen) && !seen.GetStates().ContainsKey(4242)),
            "the viewer's presence outlived its connection");
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
