using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// A secret pasted into chat for a colleague (no copilot involved) is stored redacted, sent or
/// edited: the sender's echo, the other member's broadcast and the history never hold it.
/// </summary>
[Trait("Needs", "Server")]
public sealed class ChatRedactionTests : IAsyncLifetime
{
    private const string Project = "chat-redaction";
    private const string Password = "Pl41n-Chat-pw-77";
    private const string Token = "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";
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer();
        await _server.CreateProjectAsync("alice", Project);
        await _server.AddMemberAsync("alice", Project, "bob", "editor");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Secrets_in_member_messages_never_reach_broadcast_or_history()
    {
        await using var alice = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice");
        await using var bob = await ChatHubClient.ConnectAsync(_server.HttpUrl, "bob");
        await alice.JoinAsync(Project);
        await bob.JoinAsync(Project);

        var sent = await alice.SendAsync(Project, $"bob, staging db: redis://:{Password}@redis.cache:6379 (rotate after the demo)");
        Assert.DoesNotContain(Password, sent.Body);
        Assert.Contains("redis.cache:6379 (rotate after the demo)", sent.Body);
        Assert.True(await bob.SeesAsync(c => c.Messages.TryGetValue(sent.Id, out var m) && m.Body.Contains("[REDACTED:url-password]")));

        var edited = await alice.Connection.InvokeAsync<ChatMessage>("EditChatMessage", Project, sent.Id, $"use HF_TOKEN={Token} instead");
        Assert.DoesNotContain(Token, edited.Body);

        var history = await bob.AllHistoryAsync(Project, 50);
        Assert.DoesNotContain(history, m => m.Body.Contains(Password) || m.Body.Contains(Token));
        Assert.DoesNotContain(bob.Read(c => c.Messages.Values.ToList()), m => m.Body.Contains(Password) || m.Body.Contains(Token));
    }
}
