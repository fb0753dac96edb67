using System.Text.Json.Nodes;
using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// The JS client (<c>@microsoft/signalr</c>, JSON) chatting with the .NET client: it goes offline,
/// more arrives, it comes back to the right unread count, its stored mention and the whole history.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class ChatJsClientTests : IAsyncLifetime
{
    private const string Project = "chat-js";
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer();
        await _server.CreateProjectAsync("alice", Project);
        await _server.AddMemberAsync("alice", Project, "bob", "viewer");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Js_member_chats_goes_offline_and_catches_up()
    {
        await using var alice = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice");
        await alice.JoinAsync(Project);
        var online = NodeScript.RunAsync("chat-online.mjs", Config(new JsonObject { ["send"] = "hi from js", ["waitFor"] = "hello from dotnet" }),
            TimeSpan.FromSeconds(60));
        if (!await alice.SeesAsync(c => c.Messages.Values.Any(m => m.Body == "hi from js"))) await online; // surfaces the script's failure
        var fromJs = alice.Read(c => c.Messages.Values.Single(m => m.Body == "hi from js"));
        Assert.Equal("bob", fromJs.Author);
        var answer = await alice.SendAsync(Project, "hello from dotnet", replyTo: fromJs.Id);
        var first = await online;
        Assert.Equal((fromJs.Id, answer.Id, answer.Id), ((long)first["sentId"]!, (long)first["seenId"]!, (long)first["lastReadId"]!));
        Assert.True(await alice.SeesAsync(c => c.ReadMarkerEvents.Any(r => r.UserId == "bob" && r.LastReadId == answer.Id)));

        // Bob's JS client is gone; three more messages, one deleted, one mentioning him.
        var mention = await alice.SendAsync(Project, "@Bob can you rerun cell 3?");
        await alice.SendAsync(Project, "plain news");
        var gone = await alice.SendAsync(Project, "oops");
        await alice.Connection.InvokeAsync<ChatMessage>("DeleteChatMessage", Project, gone.Id);

        var back = await NodeScript.RunAsync("chat-catch-up.mjs", Config(new JsonObject { ["pageSize"] = 2 }), TimeSpan.FromSeconds(60));
        Assert.Equal(answer.Id, (long)back["unread"]!["lastReadId"]!);
        Assert.Equal(2, (int)back["unread"]!["unreadCount"]!);
        Assert.Equal(1, (int)back["unread"]!["mentionCount"]!);
        var mentions = back["mentions"]!.AsArray();
        Assert.Equal(mention.Id, (long)Assert.Single(mentions)!["id"]!);
        Assert.Equal(["bob"], mention.Mentions); // spelled as the member's id
        var history = back["history"]!.AsArray();
        Assert.Equal(["hi from js", "hello from dotnet", "@Bob can you rerun cell 3?", "plain news", ""],
            history.Select(m => (string)m!["body"]!));
        Assert.True((bool)history[4]!["deleted"]!);
        Assert.Equal(fromJs.Id, (long)history[1]!["replyTo"]!);
        Assert.Equal(0, (int)back["unreadAfter"]!["unreadCount"]!);
    }

    private JsonObject Config(JsonObject extra)
    {
        var config = new JsonObject { ["http"] = _server.HttpUrl, ["project"] = Project, ["token"] = TestTokens.For("bob") };
        foreach (var (key, value) in extra) config[key] = value?.DeepClone();
        return config;
    }
}
