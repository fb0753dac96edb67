using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// Access ends on live connections, not only on the next connect: a removed member's sockets are
/// closed with the reason and its chat events stop; a member lowered to viewer keeps reading but
/// its writes are refused; a token that expires closes the connection.
/// </summary>
[Trait("Needs", "Server")]
public sealed class RevocationTests(RevocationTests.RevocationServer fixture) : IClassFixture<RevocationTests.RevocationServer>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    /// <summary>One server for the class; each test revokes in a project of its own.</summary>
    public sealed class RevocationServer : ClassServer;

    private InProcessServer Server => fixture.Server;

    private string Project { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Project = await fixture.NewProjectAsync("rev", "alice", ("bob", "editor"));
        await Server.CreateNotebookAsync("alice", Project, "nb.ipynb");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task RemoveAsync(string user)
    {
        using var client = Server.Client(TestTokens.For("alice"));
        (await client.DeleteAsync($"/api/projects/{Project}/members/{user}")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_removed_member_is_disconnected_on_y_websocket_and_loses_the_hub_room_and_chat()
    {
        using var socket = await YSocket.ConnectAsync(Server, TestTokens.For("bob"), Project, "nb.ipynb");
        await using var hub = await HubDocClient.JoinAsync(Server, TestTokens.For("bob"), Project, "nb.ipynb");
        var roomClosed = new TaskCompletionSource<string>();
        var accessChanged = new TaskCompletionSource<string?>();
        var chatAfterRemoval = 0;
        hub.Connection.On<string, string, string>("RoomClosed", (_, _, reason) => roomClosed.TrySetResult(reason));
        hub.Connection.On<string, string?, string>("AccessChanged", (_, role, _) => accessChanged.TrySetResult(role));
        await hub.Connection.InvokeAsync<object>("JoinChat", Project);
        var removed = false;
        hub.Connection.On<object>("ChatMessage", _ => { if (Volatile.Read(ref removed)) Interlocked.Increment(ref chatAfterRemoval); });

        await RemoveAsync("bob");
        Volatile.Write(ref removed, true);

        Assert.Equal((WebSocketCloseStatus)4003, await socket.ClosedAsync(Soon));
        Assert.Contains("no longer a member", socket.Socket.CloseStatusDescription);
        Assert.Contains("no longer a member", await roomClosed.Task.WaitAsync(Soon));
        Assert.Null(await accessChanged.Task.WaitAsync(Soon));

        hub.Edit(doc => doc.GetMap("state").Set("dirty", true));
        var refused = await Assert.ThrowsAsync<HubException>(hub.FlushAsync);
        Assert.Contains("Forbidden", refused.Message);
        var presence = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync("SendAwareness", Project, "nb.ipynb", new byte[] { 0 }));
        Assert.True(presence.Message.Contains("[forbidden]"), presence.Message);

        using (var alice = Server.Client(TestTokens.For("alice")))
        {
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(alice, $"/api/projects/{Project}/chat/messages", new { body = "after bob left" }))
                .EnsureSuccessStatusCode();
        }
        await Task.Delay(500); // events that would arrive have arrived
        Assert.Equal(0, Volatile.Read(ref chatAfterRemoval));
    }

    [Fact]
    public async Task A_member_lowered_to_viewer_keeps_reading_but_cannot_write()
    {
        using var socket = await YSocket.ConnectAsync(Server, TestTokens.For("bob"), Project, "nb.ipynb");
        await using var bob = await HubDocClient.JoinAsync(Server, TestTokens.For("bob"), Project, "nb.ipynb");
        await Server.AddMemberAsync("alice", Project, "bob", "viewer");

        bob.Edit(doc => doc.GetMap("state").Set("dirty", true));
        var refused = await Assert.ThrowsAsync<HubException>(bob.FlushAsync);
        Assert.Contains("Forbidden", refused.Message);

        await socket.SendUpdateAsync(bob.Read(doc => doc.EncodeStateAsUpdate()));
        Assert.Contains("Forbidden", await socket.NextDenialAsync());
        Assert.Equal(WebSocketState.Open, socket.Socket.State);

        var export = await Server.ExportAsync("alice", Project, "nb.ipynb");
        Assert.DoesNotContain("dirty", export.ToJsonString());
    }

    [Fact]
    public async Task Deleting_the_project_closes_its_connections()
    {
        using var socket = await YSocket.ConnectAsync(Server, TestTokens.For("bob"), Project, "nb.ipynb");
        // The server's first sync message means the socket has joined the room; a delete before that
        // races the join, and the socket is then refused as "not found" instead.
        Assert.True(await socket.ReceiveUntilAsync(_ => true), socket.LastError);
        using var client = Server.Client(TestTokens.For("alice"));
        (await client.DeleteAsync($"/api/projects/{Project}")).EnsureSuccessStatusCode();
        var status = await socket.ClosedAsync(Soon);
        Assert.True(status is not null, socket.LastError);
        Assert.Contains("project deleted", socket.Socket.CloseStatusDescription);
    }

    [Fact]
    public async Task An_expiring_token_closes_the_y_websocket_and_the_hub_connection()
    {
        var token = TestTokens.For("bob", DateTime.UtcNow.AddSeconds(3));
        using var socket = await YSocket.ConnectAsync(Server, token, Project, "nb.ipynb");
        await using var hub = await HubDocClient.JoinAsync(Server, token, Project, "nb.ipynb");
        var hubClosed = new TaskCompletionSource();
        hub.Connection.Closed += _ => { hubClosed.TrySetResult(); return Task.CompletedTask; };

        Assert.Equal((WebSocketCloseStatus)4001, await socket.ClosedAsync(TimeSpan.FromSeconds(15)));
        await hubClosed.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
