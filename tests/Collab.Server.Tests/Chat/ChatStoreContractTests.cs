using Collab.Server.Chat;
using Collab.Server.Projects;
using Collab.Server.Storage;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// What every chat store backend must do. Each backend runs this same suite against a fresh store
/// (a new SQLite file, a new PostgreSQL database) with the core and chat schemas created twice.
/// </summary>
public abstract class ChatStoreContractTests : IAsyncLifetime
{
    private const string P = "p1";
    private const string Other = "p2";
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_123);

    protected IChatStore Chat { get; set; } = null!;
    protected IProjectStore Projects { get; set; } = null!;
    protected IStoreMaintenance Maintenance { get; set; } = null!;
    protected IStoreSchemaContributor ChatSchema { get; set; } = null!;

    protected abstract Task CreateStoreAsync();

    public async Task InitializeAsync()
    {
        await CreateStoreAsync();
        for (var i = 0; i < 2; i++) // idempotent: every start runs it
        {
            await Maintenance.EnsureSchemaAsync();
            await ChatSchema.EnsureSchemaAsync();
        }
        await Projects.CreateAsync(new ProjectInfo(P, "P", T0), "alice");
        await Projects.CreateAsync(new ProjectInfo(Other, "Other", T0), "alice");
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private Task<ChatMessage?> AddAsync(string body, string author = "alice", long? replyTo = null, string project = P,
        ChatMessageState state = ChatMessageState.Complete, IReadOnlyList<string>? mentions = null, IReadOnlyList<string>? notify = null,
        NotebookCellRef? cell = null) =>
        Chat.AddAsync(new NewChatMessage(project, author, body, T0, replyTo, cell, state, mentions ?? []), notify ?? []);

    private async Task<ChatMessage> MustAddAsync(string body, string author = "alice", string project = P,
        IReadOnlyList<string>? mentions = null, IReadOnlyList<string>? notify = null) =>
        (await AddAsync(body, author, project: project, mentions: mentions, notify: notify))!;

    [Fact]
    public async Task A_message_round_trips_with_reply_cell_and_mentions()
    {
        var parent = await MustAddAsync("parent");
        var added = (await AddAsync("hi @bob", "carol", parent.Id, cell: new NotebookCellRef("a.ipynb", "cell-1"),
            mentions: ["bob", "copilot"], notify: ["bob"]))!;
        Assert.True(added.Id > parent.Id);
        var loaded = await Chat.GetAsync(P, added.Id);
        Assert.NotNull(loaded);
        Assert.Equal(("carol", "hi @bob", T0, parent.Id), (loaded.Author, loaded.Body, loaded.CreatedAt, loaded.ReplyTo));
        Assert.Equal(new NotebookCellRef("a.ipynb", "cell-1"), loaded.Cell);
        Assert.Equal(["bob", "copilot"], loaded.Mentions);
        Assert.Equal(ChatMessageState.Complete, loaded.State);
        Assert.Null(loaded.EditedAt);
        Assert.False(loaded.IsDeleted);
        Assert.Equal(added.Id, (await Chat.GetAsync(P, added.Id))!.Id);
        Assert.Null(await Chat.GetAsync(Other, added.Id));
    }

    [Fact]
    public async Task An_unknown_or_foreign_reply_to_stores_nothing()
    {
        var foreign = await MustAddAsync("elsewhere", project: Other);
        Assert.Null(await AddAsync("reply", replyTo: foreign.Id));
        Assert.Null(await AddAsync("reply", replyTo: foreign.Id + 1000));
        Assert.Empty((await Chat.PageAsync(P, null, 10)).Messages);
    }

    [Fact]
    public async Task History_pages_backwards_by_a_stable_cursor()
    {
        var ids = new List<long>();
        for (var i = 0; i < 7; i++) ids.Add((await MustAddAsync($"m{i}")).Id);
        await MustAddAsync("noise", project: Other);

        var newest = await Chat.PageAsync(P, null, 3);
        Assert.Equal(ids[4..], newest.Messages.Select(m => m.Id));
        Assert.Equal(ids[4], newest.Before);

        await MustAddAsync("arrives later"); // does not shift older pages
        var middle = await Chat.PageAsync(P, newest.Before, 3);
        Assert.Equal(ids[1..4], middle.Messages.Select(m => m.Id));
        var oldest = await Chat.PageAsync(P, middle.Before, 3);
        Assert.Equal([ids[0]], oldest.Messages.Select(m => m.Id));
        Assert.Null(oldest.Before);

        var exact = await Chat.PageAsync(P, ids[3], 3);
        Assert.Equal(ids[..3], exact.Messages.Select(m => m.Id));
        Assert.Null(exact.Before);
    }

    [Fact]
    public async Task The_whole_chat_reads_forward_a_page_at_a_time()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add((await MustAddAsync($"m{i}")).Id);
        await MustAddAsync("noise", project: Other);

        Assert.Equal(ids[..2], (await Chat.ListAfterAsync(P, 0, 2)).Select(m => m.Id));
        Assert.Equal(ids[2..4], (await Chat.ListAfterAsync(P, ids[1], 2)).Select(m => m.Id));
        Assert.Equal([ids[4]], (await Chat.ListAfterAsync(P, ids[3], 2)).Select(m => m.Id));
        Assert.Empty(await Chat.ListAfterAsync(P, ids[4], 2));
    }

    [Fact]
    public async Task Edit_replaces_body_mentions_and_notifications()
    {
        var message = await MustAddAsync("hello @bob", mentions: ["bob"], notify: ["bob"]);
        var later = T0.AddMinutes(1);
        var edited = await Chat.EditAsync(P, message.Id, "hello @carol", ["carol"], ["carol"], later);
        Assert.NotNull(edited);
        Assert.Equal(("hello @carol", later), (edited.Body, edited.EditedAt));
        Assert.Equal(["carol"], (await Chat.GetAsync(P, message.Id))!.Mentions);
        Assert.Empty(await Chat.ListUnreadMentionsAsync(P, "bob", 10));
        Assert.Single(await Chat.ListUnreadMentionsAsync(P, "carol", 10));
        Assert.Null(await Chat.EditAsync(Other, message.Id, "x", [], [], later));
        Assert.Null(await Chat.EditAsync(P, message.Id + 1000, "x", [], [], later));
    }

    [Fact]
    public async Task Delete_leaves_a_tombstone_that_edits_and_search_skip()
    {
        var message = await MustAddAsync("secret words @bob", mentions: ["bob"], notify: ["bob"]);
        var reply = (await AddAsync("reply", "bob", message.Id))!;
        var at = T0.AddMinutes(2);
        var tombstone = await Chat.DeleteAsync(P, message.Id, "owner1", at);
        Assert.NotNull(tombstone);
        Assert.True(tombstone.IsDeleted);
        Assert.Equal(("", "owner1", at), (tombstone.Body, tombstone.DeletedBy, tombstone.DeletedAt));
        Assert.Empty(tombstone.Mentions);

        var page = await Chat.PageAsync(P, null, 10);
        Assert.Equal([message.Id, reply.Id], page.Messages.Select(m => m.Id));
        Assert.Equal(message.Id, page.Messages[1].ReplyTo);
        Assert.Empty(await Chat.SearchAsync(P, "secret", 10));
        Assert.Empty(await Chat.ListUnreadMentionsAsync(P, "bob", 10));
        Assert.Null(await Chat.EditAsync(P, message.Id, "back", [], [], at));
        Assert.Equal(at, (await Chat.DeleteAsync(P, message.Id, "someone", at.AddMinutes(1)))!.DeletedAt);
        Assert.Null(await Chat.DeleteAsync(P, message.Id + 1000, "owner1", at));
        Assert.Null(await Chat.DeleteAsync(Other, message.Id, "owner1", at));
    }

    [Fact]
    public async Task A_streaming_message_grows_then_closes()
    {
        var open = (await AddAsync("", "copilot", state: ChatMessageState.Streaming))!;
        Assert.Equal(ChatMessageState.Streaming, open.State);
        Assert.Equal("Hel", (await Chat.AppendAsync(P, open.Id, "Hel", 100))!.Body);
        Assert.Equal("Hello ✓", (await Chat.AppendAsync(P, open.Id, "lo ✓", 100))!.Body);
        var midway = await Chat.GetAsync(P, open.Id);
        Assert.Equal(("Hello ✓", ChatMessageState.Streaming), (midway!.Body, midway.State));
        Assert.Null(await Chat.AppendAsync(P, open.Id, new string('x', 100), 100));
        Assert.Null(await Chat.EditAsync(P, open.Id, "edited", [], [], T0));

        var closed = await Chat.CloseAsync(P, open.Id, ChatMessageState.Failed);
        Assert.Equal(("Hello ✓", ChatMessageState.Failed), (closed!.Body, closed.State));
        Assert.Null(await Chat.AppendAsync(P, open.Id, "more", 100));
        Assert.Null(await Chat.CloseAsync(P, open.Id, ChatMessageState.Complete));
        Assert.Equal(ChatMessageState.Failed, (await Chat.GetAsync(P, open.Id))!.State);
    }

    [Fact]
    public async Task Deleting_a_streaming_message_closes_it()
    {
        var open = (await AddAsync("", "copilot", state: ChatMessageState.Streaming))!;
        await Chat.AppendAsync(P, open.Id, "partial", 100);
        var tombstone = await Chat.DeleteAsync(P, open.Id, "alice", T0);
        Assert.NotEqual(ChatMessageState.Streaming, tombstone!.State);
        Assert.Null(await Chat.AppendAsync(P, open.Id, "more", 100));
    }

    [Fact]
    public async Task Search_finds_words_and_pasted_errors_within_the_project()
    {
        var oom = await MustAddAsync("""
            My job died:
            ```
            torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 39.39 GiB total capacity)
            ```
            """);
        var nccl = await MustAddAsync("NCCL WARN Timeout on rank 3: watchdog caught collective operation timeout");
        await MustAddAsync("Unrelated talk about memory of the team");
        await MustAddAsync("CUDA out of memory in another project", project: Other);

        Assert.Equal([oom.Id], (await Chat.SearchAsync(P, "cuda MEMORY allocate", 10)).Select(m => m.Id));
        Assert.Equal([oom.Id], (await Chat.SearchAsync(P, "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB", 10)).Select(m => m.Id));
        Assert.Equal([nccl.Id], (await Chat.SearchAsync(P, "watchdog caught collective operation timeout", 10)).Select(m => m.Id));
        Assert.Equal(2, (await Chat.SearchAsync(P, "memory", 10)).Count);
        Assert.Empty(await Chat.SearchAsync(P, "nothing-like-this", 10));
        Assert.Empty(await Chat.SearchAsync(P, "\"OR\" NOT * ( ) :", 10));

        await Chat.EditAsync(P, nccl.Id, "fixed by raising NCCL_TIMEOUT", [], [], T0);
        Assert.Empty(await Chat.SearchAsync(P, "watchdog", 10));
        Assert.Equal([nccl.Id], (await Chat.SearchAsync(P, "raising", 10)).Select(m => m.Id));
    }

    [Fact]
    public async Task Search_returns_newest_first_up_to_the_limit()
    {
        var ids = new List<long>();
        for (var i = 0; i < 4; i++) ids.Add((await MustAddAsync($"gpu quota question {i}")).Id);
        Assert.Equal([ids[3], ids[2]], (await Chat.SearchAsync(P, "quota", 2)).Select(m => m.Id));
    }

    [Fact]
    public async Task Unread_counts_others_messages_after_the_read_marker()
    {
        var first = await MustAddAsync("one", "alice");
        await MustAddAsync("own", "bob");
        var mention = await MustAddAsync("hey @bob", "alice", mentions: ["bob"], notify: ["bob"]);
        var gone = await MustAddAsync("deleted", "alice");
        await Chat.DeleteAsync(P, gone.Id, "alice", T0);
        await MustAddAsync("other project", "alice", project: Other);

        Assert.Equal(new ChatUnread(P, 0, 2, 1), await Chat.GetUnreadAsync(P, "bob"));
        Assert.Equal([mention.Id], (await Chat.ListUnreadMentionsAsync(P, "bob", 10)).Select(m => m.Id));

        Assert.Equal(first.Id, await Chat.MarkReadAsync(P, "bob", first.Id));
        Assert.Equal(new ChatUnread(P, first.Id, 1, 1), await Chat.GetUnreadAsync(P, "bob"));
        Assert.Equal(first.Id, await Chat.MarkReadAsync(P, "bob", first.Id - 1)); // never moves back

        var newest = (await Chat.PageAsync(P, null, 1)).Messages[0].Id;
        Assert.Equal(newest, await Chat.MarkReadAsync(P, "bob", long.MaxValue)); // capped at the newest
        Assert.Equal(new ChatUnread(P, newest, 0, 0), await Chat.GetUnreadAsync(P, "bob"));
        Assert.Empty(await Chat.ListUnreadMentionsAsync(P, "bob", 10));

        var later = await MustAddAsync("later @bob", "alice", mentions: ["bob"], notify: ["bob"]);
        Assert.Equal(new ChatUnread(P, newest, 1, 1), await Chat.GetUnreadAsync(P, "bob"));
        Assert.Equal([later.Id], (await Chat.ListUnreadMentionsAsync(P, "bob", 10)).Select(m => m.Id));
        Assert.Equal(new ChatUnread(P, 0, 4, 0), await Chat.GetUnreadAsync(P, "carol")); // never read anything
    }

    [Fact]
    public async Task Settings_default_to_viewers_posting_and_can_change()
    {
        Assert.Equal(ChatSettings.Default, await Chat.GetSettingsAsync(P));
        await Chat.SetSettingsAsync(P, new ChatSettings(ViewersCanPost: false));
        Assert.False((await Chat.GetSettingsAsync(P)).ViewersCanPost);
        Assert.True((await Chat.GetSettingsAsync(Other)).ViewersCanPost);
        await Chat.SetSettingsAsync(P, new ChatSettings(ViewersCanPost: true));
        Assert.True((await Chat.GetSettingsAsync(P)).ViewersCanPost);
    }

    [Fact]
    public async Task Deleting_the_project_deletes_its_chat()
    {
        var message = await MustAddAsync("bye @bob", mentions: ["bob"], notify: ["bob"]);
        await Chat.MarkReadAsync(P, "bob", 0);
        await Chat.SetSettingsAsync(P, new ChatSettings(false));
        await Projects.DeleteAsync(P);
        await Projects.CreateAsync(new ProjectInfo(P, "Reused id", T0), "mallory");
        Assert.Null(await Chat.GetAsync(P, message.Id));
        Assert.Empty((await Chat.PageAsync(P, null, 10)).Messages);
        Assert.Empty(await Chat.ListUnreadMentionsAsync(P, "bob", 10));
        Assert.Equal(ChatSettings.Default, await Chat.GetSettingsAsync(P));
    }
}
