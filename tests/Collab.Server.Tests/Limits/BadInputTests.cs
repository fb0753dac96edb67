using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Tests.Limits;

/// <summary>Oversized, malformed, too frequent and forbidden messages: the sender is told, nothing changes, others carry on.</summary>
[Trait("Needs", "Server")]
public sealed class BadInputTests(BadInputTests.LimitsServer fixture) : IClassFixture<BadInputTests.LimitsServer>, IAsyncLifetime
{
    /// <summary>One server and project for the class; each test works in a notebook of its own (its limits are per document and per connection).</summary>
    public sealed class LimitsServer() : ClassServer(new Dictionary<string, string>
    {
        ["Limits:MaxMessageBytes"] = "65536",
        ["Limits:MaxDocumentBytes"] = "262144",
        ["Limits:UpdatesPerSecond"] = "20",
        ["Limits:UpdateBurst"] = "20",
    })
    {
        protected override async Task SeedAsync()
        {
            await Server.CreateProjectAsync("alice", "limits");
            await Server.AddMemberAsync("alice", "limits", "bob", "editor");
            await Server.AddMemberAsync("alice", "limits", "vera", "viewer");
        }
    }

    private readonly string _notebook = fixture.NewId("nb") + ".ipynb";

    private InProcessServer Server => fixture.Server;

    public async Task InitializeAsync() => await Server.CreateNotebookAsync("alice", "limits", _notebook);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HubDocClient> Join(string user) => HubDocClient.JoinAsync(Server, TestTokens.For(user), "limits", _notebook);

    [Fact]
    public async Task Oversized_update_is_refused_with_the_limit_named()
    {
        await using var alice = await Join("alice");
        var error = await Assert.ThrowsAsync<HubException>(() => alice.SendRawAsync(new byte[70_000]));
        Assert.Contains("Limits:MaxMessageBytes", error.Message);
        await AssertOthersUnaffectedAsync();
    }

    [Fact]
    public async Task Malformed_update_is_refused_and_changes_nothing()
    {
        await using var alice = await Join("alice");
        var before = await Server.ExportAsync("alice", "limits", _notebook);
        var error = await Assert.ThrowsAsync<HubException>(() => alice.SendRawAsync([1, 5, 0xff, 0xff, 0xff]));
        Assert.Contains("Malformed", error.Message);
        Assert.True(JsonCompare.Same(before, await Server.ExportAsync("alice", "limits", _notebook)));
        await AssertOthersUnaffectedAsync();
    }

    [Fact]
    public async Task Document_size_limit_refuses_growth_past_it()
    {
        await using var alice = await Join("alice");
        HubException? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            alice.Edit(doc => doc.GetText("bulk").Insert(0, new string('x', 60_000)));
            try { await alice.FlushAsync(); }
            catch (HubException ex) { refused = ex; }
        }
        Assert.NotNull(refused);
        Assert.Contains("Limits:MaxDocumentBytes", refused!.Message);
    }

    [Fact]
    public async Task Rate_limit_refuses_a_flood_but_not_the_next_client()
    {
        await using var alice = await Join("alice");
        var sends = Enumerable.Range(0, 60).Select(_ => alice.SendRawAsync([0, 0])).ToList();
        var results = await Task.WhenAll(sends.Select(async t => { try { await t; return null; } catch (HubException ex) { return ex.Message; } }));
        Assert.Contains(results, m => m is not null && m.Contains("Rate limit"));
        await AssertOthersUnaffectedAsync();
    }

    [Fact]
    public async Task Viewer_updates_are_refused_over_the_hub_and_y_websocket()
    {
        await using var vera = await Join("vera");
        vera.Edit(doc => doc.GetMap("meta").Set("nbformat_minor", 99));
        var error = await Assert.ThrowsAsync<HubException>(vera.FlushAsync);
        Assert.Contains("viewers cannot", error.Message);

        using var socket = await YSocket.ConnectAsync(Server, TestTokens.For("vera"), "limits", _notebook);
        await socket.SendUpdateAsync(vera.Read(doc => doc.EncodeStateAsUpdate()));
        Assert.True(await socket.ReceiveUntilAsync(frame => frame[0] == 2), "no permission-denied message for the viewer's update");
        var export = await Server.ExportAsync("alice", "limits", _notebook);
        Assert.Equal(5, (long)export["nbformat_minor"]!);
    }

    [Fact]
    public async Task Oversized_y_websocket_message_closes_with_1009_and_others_carry_on()
    {
        using var socket = await YSocket.ConnectAsync(Server, TestTokens.For("bob"), "limits", _notebook);
        await socket.Socket.SendAsync(new byte[100_000], WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.True(await socket.ReceiveUntilAsync(_ => false) || socket.Socket.CloseStatus == WebSocketCloseStatus.MessageTooBig);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.Socket.CloseStatus);
        await AssertOthersUnaffectedAsync();
    }

    private async Task AssertOthersUnaffectedAsync()
    {
        await using var bob = await Join("bob");
        bob.Edit(doc => doc.GetMap("state").Set("dirty", true));
        await bob.FlushAsync();
    }
}
