using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Chat;
using Collab.Server.Errors;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// A bot reply streamed through <see cref="IChatBotWriter"/> after an <c>@copilot</c> mention, as the
/// copilot will answer: clients present from the start assemble it from chunks; a .NET client and a
/// JS client that join midway get the body so far, then the rest.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class ChatStreamingTests : IAsyncLifetime
{
    private const string Project = "chat-stream";
    private readonly ScriptedBot _bot = new();
    private readonly InProcessServer _server;

    public ChatStreamingTests() => _server = new InProcessServer(configureServices: services => services.AddSingleton<IChatMentionListener>(_bot));

    private IChatBotWriter Chat => _server.Get<IChatBotWriter>();

    public async Task InitializeAsync()
    {
        _server.StartServer();
        using var owner = Client("alice");
        (await owner.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync($"/api/projects/{Project}/members/bob", new { role = "editor" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync($"/api/projects/{Project}/members/carol", new { role = "viewer" })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_streamed_reply_is_followed_midway_by_joining_clients()
    {
        await using var alice = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice");
        await alice.JoinAsync(Project);
        var question = await alice.SendAsync(Project, "@copilot how do I request a GPU?");
        Assert.Equal(["copilot"], question.Mentions);
        var (bot, mentioned) = await _bot.NextMentionAsync();
        Assert.Equal((ChatBots.Copilot, question.Id), (bot, mentioned.Id));

        var reply = await Chat.StartStreamingMessageAsync(Project, ChatBots.Copilot, replyTo: question.Id);
        Assert.Equal((ChatMessageState.Streaming, "", "copilot"), (reply.State, reply.Body, reply.Author));
        string[] chunks = ["To request a GPU, ", "add `resources.limits` ", "with `nvidia.com/gpu: 1` ", "to your pod spec.", "\n\nSee *GPU quotas* ✓."];
        foreach (var chunk in chunks[..3]) await Chat.AppendChunkAsync(Project, reply.Id, chunk);
        var soFar = string.Concat(chunks[..3]);

        await using var bob = await ChatHubClient.ConnectAsync(_server.HttpUrl, "bob", messagePack: true);
        var bobJoined = await bob.JoinAsync(Project);
        var seenByBob = bobJoined.History.Messages.Single(m => m.Id == reply.Id);
        Assert.Equal((soFar, ChatMessageState.Streaming, (long?)question.Id), (seenByBob.Body, seenByBob.State, seenByBob.ReplyTo));

        var carol = NodeScript.RunAsync("chat-follow-stream.mjs", new JsonObject
        {
            ["http"] = _server.HttpUrl, ["project"] = Project, ["token"] = TestTokens.For("carol"), ["messageId"] = reply.Id,
        }, TimeSpan.FromSeconds(60));
        // Carol types once she has joined: the rest of the reply is streamed after that.
        if (!await alice.SeesAsync(c => c.TypingEvents.Any(t => t.UserId == "carol"))) await carol; // surfaces the script's failure

        foreach (var chunk in chunks[3..]) await Chat.AppendChunkAsync(Project, reply.Id, chunk);
        var full = string.Concat(chunks);
        Assert.True(await alice.SeesAsync(c => c.Messages.TryGetValue(reply.Id, out var m) && m.Body == full), "alice did not assemble the chunks");
        Assert.True(await bob.SeesAsync(c => c.Messages.TryGetValue(reply.Id, out var m) && m.Body == full), "bob did not assemble the chunks");
        var done = await Chat.CompleteAsync(Project, reply.Id);
        Assert.Equal((full, ChatMessageState.Complete), (done.Body, done.State));

        var js = await carol;
        Assert.Equal(soFar, (string?)js["joinedBody"]);
        Assert.Equal("streaming", (string?)js["joinedState"]);
        Assert.Equal(full, (string?)js["assembled"]);
        Assert.Equal(full, (string?)js["closedBody"]);
        Assert.Equal("complete", (string?)js["state"]);
        Assert.Equal(0, (int)js["gaps"]!);

        Assert.True(await bob.SeesAsync(c => c.Messages.TryGetValue(reply.Id, out var m) && m.State == ChatMessageState.Complete));
        Assert.Equal((0, 0), (alice.Read(c => c.Gaps), bob.Read(c => c.Gaps)));
        Assert.Equal(chunks.Length, alice.Read(c => c.ChunkEvents.Count(e => e.MessageId == reply.Id)));

        var closed = await Assert.ThrowsAsync<ChatException>(() => Chat.AppendChunkAsync(Project, reply.Id, "late"));
        Assert.Equal(ErrorCode.Conflict, closed.Code);
        using var http = Client("bob");
        var stored = await http.GetFromJsonAsync<ChatMessage>($"/api/projects/{Project}/chat/messages/{reply.Id}");
        Assert.Equal((full, ChatMessageState.Complete), (stored!.Body, stored.State));
    }

    [Fact]
    public async Task A_reply_deleted_or_failed_midway_stops_the_stream()
    {
        await using var alice = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice");
        await alice.JoinAsync(Project);
        var failing = await Chat.StartStreamingMessageAsync(Project, ChatBots.Copilot, replyTo: null);
        await Chat.AppendChunkAsync(Project, failing.Id, "Partial answer");
        var failed = await Chat.FailAsync(Project, failing.Id);
        Assert.Equal(("Partial answer", ChatMessageState.Failed), (failed.Body, failed.State));
        Assert.True(await alice.SeesAsync(c => c.Messages.TryGetValue(failing.Id, out var m) && m.State == ChatMessageState.Failed));

        var doomed = await Chat.StartStreamingMessageAsync(Project, ChatBots.Copilot, replyTo: null);
        await alice.Connection.InvokeAsync<ChatMessage>("DeleteChatMessage", Project, doomed.Id); // the owner
        var refused = await Assert.ThrowsAsync<ChatException>(() => Chat.AppendChunkAsync(Project, doomed.Id, "more"));
        Assert.Equal(ErrorCode.Conflict, refused.Code);

        await Assert.ThrowsAsync<ChatException>(() => Chat.StartStreamingMessageAsync(Project, "alice", replyTo: null));
        await Assert.ThrowsAsync<ChatException>(() => Chat.StartStreamingMessageAsync("no-such-project", ChatBots.Copilot, replyTo: null));
    }

    private HttpClient Client(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(_server.HttpUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(user));
        return client;
    }
}
