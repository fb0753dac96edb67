using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// Two members chat live; one goes offline while more arrives (an edit, a tombstone, a mention),
/// reconnects, and catches up: unread count, stored mention notifications, history paged backwards.
/// </summary>
public abstract class ChatCatchUpTests : IAsyncLifetime
{
    private const string Project = "chat-catch-up";
    private InProcessServer _server = null!;

    protected abstract Task<string?> PostgresAsync();

    public async Task InitializeAsync()
    {
        _server = InProcessServer.On(await PostgresAsync());
        await _server.CreateProjectAsync("alice", Project);
        await _server.AddMemberAsync("alice", Project, "bob", "editor");
        await _server.CreateNotebookAsync("alice", Project, "analysis.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Offline_member_reconnects_to_unread_count_mentions_and_full_history()
    {
        await using var alice = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice");
        await alice.JoinAsync(Project);
        long lastSeenByBob;
        await using (var bob = await ChatHubClient.ConnectAsync(_server.HttpUrl, "bob", messagePack: true))
        {
            var joined = await bob.JoinAsync(Project);
            Assert.Equal(("editor", true), (joined.Role, joined.CanPost));

            var hello = await alice.SendAsync(Project, "hello **bob**");
            Assert.True(await bob.SeesAsync(c => c.Messages.ContainsKey(hello.Id)));
            await bob.Connection.InvokeAsync("SendTyping", Project, true);
            Assert.True(await alice.SeesAsync(c => c.TypingEvents.Any(t => t.UserId == "bob" && t.IsTyping)));
            var reply = await bob.SendAsync(Project, "hi, see the plot", hello.Id, new NotebookCellRef("analysis.ipynb", "cell-7"));
            Assert.True(await alice.SeesAsync(c => c.Messages.TryGetValue(reply.Id, out var m) && m.ReplyTo == hello.Id && m.Cell!.CellId == "cell-7"));

            var ping = await alice.SendAsync(Project, "@bob ping while online");
            Assert.True(await bob.SeesAsync(c => c.MentionEvents.Any(m => m.Id == ping.Id)));
            var read = await bob.Connection.InvokeAsync<ChatUnread>("MarkChatRead", Project, ping.Id);
            Assert.Equal(new ChatUnread(Project, ping.Id, 0, 0), read);
            Assert.True(await alice.SeesAsync(c => c.ReadMarkerEvents.Any(r => r.UserId == "bob" && r.LastReadId == ping.Id)));
            lastSeenByBob = ping.Id;
        }

        // Bob is offline now.
        var m1 = await alice.SendAsync(Project, "first while you were away");
        var m2 = await alice.SendAsync(Project, "second, with a typo");
        var m3 = await alice.SendAsync(Project, "third, to be deleted");
        var m4 = await alice.SendAsync(Project, "@bob please check `@notamention` in the notebook");
        var m5 = await alice.SendAsync(Project, "fifth");
        Assert.Equal(["bob"], m4.Mentions);
        await alice.Connection.InvokeAsync<ChatMessage>("EditChatMessage", Project, m2.Id, "second, fixed");
        await alice.Connection.InvokeAsync<ChatMessage>("DeleteChatMessage", Project, m3.Id);

        await using var back = await ChatHubClient.ConnectAsync(_server.HttpUrl, "bob");
        var rejoined = await back.JoinAsync(Project);
        Assert.Equal(new ChatUnread(Project, lastSeenByBob, 4, 1), rejoined.Unread);
        Assert.Equal([m4.Id], rejoined.Mentions.Select(m => m.Id));

        var history = await back.AllHistoryAsync(Project, pageSize: 2);
        Assert.Equal(
            ["hello **bob**", "hi, see the plot", "@bob ping while online", "first while you were away", "second, fixed", "", m4.Body, "fifth"],
            history.Select(m => m.Body));
        Assert.Equal(history.Select(m => m.Id).Order(), history.Select(m => m.Id));
        Assert.True(history.Single(m => m.Id == m3.Id).IsDeleted);
        Assert.NotNull(history.Single(m => m.Id == m2.Id).EditedAt);
        Assert.All(history, m => Assert.True(m.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5) && m.CreatedAt <= DateTimeOffset.UtcNow.AddSeconds(5)));

        Assert.Equal(new ChatUnread(Project, m5.Id, 0, 0), await back.Connection.InvokeAsync<ChatUnread>("MarkChatRead", Project, m5.Id));
        await using var later = await ChatHubClient.ConnectAsync(_server.HttpUrl, "bob");
        var again = await later.JoinAsync(Project);
        Assert.Empty(again.Mentions);
        Assert.Equal(0, again.Unread.UnreadCount);
    }
}

[Trait("Needs", "Server")]
public sealed class SqliteChatCatchUpTests : ChatCatchUpTests
{
    protected override Task<string?> PostgresAsync() => Task.FromResult<string?>(null);
}

[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class PostgresChatCatchUpTests : ChatCatchUpTests
{
    protected override async Task<string?> PostgresAsync() => await TestPostgres.CreateDatabaseAsync("e2e_chat");
}
