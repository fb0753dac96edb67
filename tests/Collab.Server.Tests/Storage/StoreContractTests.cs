using Collab.Server.Auth;
using Collab.Server.Notebooks;
using Collab.Server.Projects;
using Collab.Server.Storage;

namespace Collab.Server.Tests.Storage;

/// <summary>
/// What every store backend must do. Each backend runs this same suite against a fresh store
/// (a new SQLite file, a new PostgreSQL database).
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    protected IDocumentStore Documents { get; set; } = null!;
    protected INotebookStore Notebooks { get; set; } = null!;
    protected IProjectStore Projects { get; set; } = null!;
    protected IStoreMaintenance Maintenance { get; set; } = null!;

    protected abstract Task CreateStoreAsync();

    public async Task InitializeAsync()
    {
        await CreateStoreAsync();
        await Maintenance.EnsureSchemaAsync();
        await Maintenance.EnsureSchemaAsync(); // idempotent: every start runs it
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static DocumentKey Key(string doc = "a.ipynb") => new("p1", doc);

    [Fact]
    public async Task Appended_updates_load_back_in_order()
    {
        var first = (await Documents.AppendAsync(Key(), [[1], [2]])).LastSeq;
        var second = (await Documents.AppendAsync(Key(), [[3]])).LastSeq;
        Assert.True(second > first);
        var loaded = await Documents.LoadAsync(Key());
        Assert.Null(loaded.Snapshot);
        Assert.Equal([[1], [2], [3]], loaded.Log.Select(e => e.Update));
        Assert.Equal(second, loaded.Log[^1].Seq);
        Assert.Empty((await Documents.LoadAsync(Key("other"))).Log);
    }

    [Fact]
    public async Task Fold_writes_what_the_fold_returns_for_the_log_it_read_and_nothing_when_it_returns_null()
    {
        await Documents.AppendAsync(Key(), [[1], [2]]);
        var skipped = await Documents.FoldAsync(Key(), _ => null);
        Assert.Equal(new SnapshotFold(true, false, 0, 2), skipped);
        Assert.Equal(2, (await Documents.LoadAsync(Key())).Log.Count);

        var folded = await Documents.FoldAsync(Key(), stored => [.. stored.Log.SelectMany(e => e.Update)]);
        Assert.Equal(new SnapshotFold(true, true, 2, 2), folded);
        var later = (await Documents.AppendAsync(Key(), [[3]])).LastSeq;
        var loaded = await Documents.LoadAsync(Key());
        Assert.Equal([1, 2], loaded.Snapshot);
        Assert.Equal([[3]], loaded.Log.Select(e => e.Update));
        Assert.Equal(later, loaded.Log[0].Seq);
    }

    [Fact]
    public async Task Compaction_replaces_covered_entries_and_keeps_later_ones()
    {
        await Documents.AppendAsync(Key(), [[1], [2]]);
        var upTo = (await Documents.AppendAsync(Key(), [[3]])).LastSeq;
        var later = (await Documents.AppendAsync(Key(), [[4]])).LastSeq;
        await Documents.CompactAsync(Key(), [9, 9], upTo);
        var loaded = await Documents.LoadAsync(Key());
        Assert.Equal([9, 9], loaded.Snapshot);
        Assert.Equal(upTo, loaded.SnapshotSeq);
        Assert.Equal([[4]], loaded.Log.Select(e => e.Update));
        Assert.Equal(later, loaded.Log[0].Seq);
    }

    [Fact]
    public async Task A_snapshot_of_several_megabytes_replaces_the_previous_one_and_loads_back_byte_for_byte()
    {
        var first = new byte[3 << 20];
        var second = new byte[(5 << 20) + 17]; // not a whole number of parts
        new Random(7).NextBytes(first);
        new Random(8).NextBytes(second);
        var a = (await Documents.AppendAsync(Key(), [[1]])).LastSeq;
        Assert.True(await Documents.CompactAsync(Key(), first, a));
        var b = (await Documents.AppendAsync(Key(), [[2], [3]])).LastSeq;
        Assert.True(await Documents.CompactAsync(Key(), second, b - 1));
        var loaded = await Documents.LoadAsync(Key());
        Assert.Equal(second, loaded.Snapshot);
        Assert.Equal(b - 1, loaded.SnapshotSeq);
        Assert.Equal([[3]], loaded.Log.Select(e => e.Update));
    }

    [Fact]
    public async Task Loading_after_a_seq_returns_only_what_a_replica_at_that_seq_lacks()
    {
        var first = (await Documents.AppendAsync(Key(), [[1]])).LastSeq;
        var upTo = (await Documents.AppendAsync(Key(), [[2]])).LastSeq;
        await Documents.CompactAsync(Key(), [9], upTo);
        var later = (await Documents.AppendAsync(Key(), [[3]])).LastSeq;

        var behindSnapshot = await Documents.LoadAsync(Key(), afterSeq: first);
        Assert.Equal([9], behindSnapshot.Snapshot);
        Assert.Equal([[3]], behindSnapshot.Log.Select(e => e.Update));

        var pastSnapshot = await Documents.LoadAsync(Key(), afterSeq: upTo);
        Assert.Null(pastSnapshot.Snapshot);
        Assert.Equal([later], pastSnapshot.Log.Select(e => e.Seq));

        var upToDate = await Documents.LoadAsync(Key(), afterSeq: later);
        Assert.Null(upToDate.Snapshot);
        Assert.Empty(upToDate.Log);
    }

    [Fact]
    public async Task An_older_snapshot_never_replaces_a_newer_one()
    {
        var a = (await Documents.AppendAsync(Key(), [[1]])).LastSeq;
        var b = (await Documents.AppendAsync(Key(), [[2]])).LastSeq;
        await Documents.CompactAsync(Key(), [2], b);
        await Documents.CompactAsync(Key(), [1], a);
        var loaded = await Documents.LoadAsync(Key());
        Assert.Equal([2], loaded.Snapshot);
        Assert.Empty(loaded.Log);
    }

    [Fact]
    public async Task Sequence_numbers_keep_growing_after_compaction()
    {
        var a = (await Documents.AppendAsync(Key(), [[1]])).LastSeq;
        await Documents.CompactAsync(Key(), [1], a);
        var b = (await Documents.AppendAsync(Key(), [[2]])).LastSeq;
        Assert.True(b > a);
        Assert.Equal([[2]], (await Documents.LoadAsync(Key())).Log.Select(e => e.Update));
    }

    [Fact]
    public async Task Notebooks_are_created_once_with_their_content_and_deleted_with_their_history()
    {
        Assert.True(await Projects.CreateAsync(new ProjectInfo("p1", "P1", DateTimeOffset.UtcNow), "owner"));
        Assert.True(await Notebooks.CreateAsync(Key(), [7]));
        Assert.False(await Notebooks.CreateAsync(Key(), [8]));
        Assert.True(await Notebooks.ExistsAsync(Key()));
        Assert.Equal([[7]], (await Documents.LoadAsync(Key())).Log.Select(e => e.Update));
        Assert.Equal(["a.ipynb"], (await Notebooks.ListAsync("p1")).Select(n => n.Name));

        var seq = (await Documents.AppendAsync(Key(), [[8]])).LastSeq;
        await Documents.CompactAsync(Key(), [7, 8], seq);
        Assert.True(await Notebooks.DeleteAsync(Key()));
        Assert.False(await Notebooks.DeleteAsync(Key()));
        Assert.False(await Notebooks.ExistsAsync(Key()));
        Assert.Same(StoredDocument.Empty, await Documents.LoadAsync(Key()));
    }

    [Fact]
    public async Task Projects_and_members_with_roles()
    {
        Assert.True(await Projects.CreateAsync(new ProjectInfo("p1", "One", DateTimeOffset.UtcNow), "olivia"));
        Assert.False(await Projects.CreateAsync(new ProjectInfo("p1", "Again", DateTimeOffset.UtcNow), "mallory"));
        Assert.Equal("One", (await Projects.GetAsync("p1"))!.Name);
        Assert.Equal(ProjectRole.Owner, await Projects.GetRoleAsync("p1", "olivia"));
        Assert.Null(await Projects.GetRoleAsync("p1", "mallory"));

        await Projects.SetMemberAsync("p1", "vera", ProjectRole.Viewer);
        await Projects.SetMemberAsync("p1", "vera", ProjectRole.Editor);
        Assert.Equal(ProjectRole.Editor, await Projects.GetRoleAsync("p1", "vera"));
        Assert.Equal(["olivia", "vera"], (await Projects.ListMembersAsync("p1")).Select(m => m.UserId));
        Assert.Equal(["p1"], (await Projects.ListForUserAsync("vera")).Select(p => p.Id));
        Assert.True(await Projects.CreateAsync(new ProjectInfo("p0", "Zero", DateTimeOffset.UtcNow), "mallory"));
        Assert.Equal(["p0", "p1"], (await Projects.ListAllAsync()).Select(p => p.Id));

        Assert.True(await Projects.RemoveMemberAsync("p1", "vera"));
        Assert.False(await Projects.RemoveMemberAsync("p1", "vera"));
        Assert.Empty(await Projects.ListForUserAsync("vera"));
    }

    [Fact]
    public async Task Deleting_a_project_removes_everything_in_it()
    {
        await Projects.CreateAsync(new ProjectInfo("p1", "One", DateTimeOffset.UtcNow), "olivia");
        await Notebooks.CreateAsync(Key(), [1]);
        Assert.True(await Projects.DeleteAsync("p1"));
        Assert.Null(await Projects.GetAsync("p1"));
        Assert.Null(await Projects.GetRoleAsync("p1", "olivia"));
        Assert.Empty(await Notebooks.ListAsync("p1"));
        Assert.Empty((await Documents.LoadAsync(Key())).Log);
    }

    [Fact]
    public async Task A_notebook_created_anew_over_a_deleted_one_continues_its_own_log()
    {
        // The SQLite writer remembers the heads it wrote: a notebook's log removed and started over
        // beside it (delete, create anew) must be continued from the new log's head, as a room
        // that loads the new notebook sees it, not from the old one's.
        await Projects.CreateAsync(new ProjectInfo("p1", "One", DateTimeOffset.UtcNow), "olivia");
        await Notebooks.CreateAsync(Key(), [1]);
        await Documents.AppendAsync(Key(), [[2], [3], [4]]);
        Assert.True(await Notebooks.DeleteAsync(Key()));
        Assert.True(await Notebooks.CreateAsync(Key(), [5]));

        var head = (await Documents.LoadAsync(Key())).Log[^1].Seq;
        var range = await Documents.AppendAsync(Key(), [[6]]);
        Assert.Equal(head, range.PreviousSeq);
        var loaded = await Documents.LoadAsync(Key());
        Assert.Equal([[5], [6]], loaded.Log.Select(e => e.Update));
        Assert.Equal(range.LastSeq, loaded.Log[^1].Seq);
    }

    [Fact]
    public async Task Appends_after_a_project_was_deleted_and_created_again_start_a_new_log()
    {
        await Projects.CreateAsync(new ProjectInfo("p1", "One", DateTimeOffset.UtcNow), "olivia");
        await Documents.AppendAsync(Key(), [[1], [2]]);
        Assert.True(await Projects.DeleteAsync("p1"));
        await Projects.CreateAsync(new ProjectInfo("p1", "One again", DateTimeOffset.UtcNow), "olivia");

        Assert.Equal(0, (await Documents.AppendAsync(Key(), [[3]])).PreviousSeq); // nothing before it, as a load sees
        Assert.Equal([[3]], (await Documents.LoadAsync(Key())).Log.Select(e => e.Update));
    }

    [Fact]
    public async Task Appends_to_one_document_chain_even_when_concurrent_and_across_compaction()
    {
        var first = await Documents.AppendAsync(Key(), [[1], [2]]);
        Assert.Equal(0, first.PreviousSeq);
        var ranges = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Documents.AppendAsync(Key(), [[(byte)i]])));
        await Documents.CompactAsync(Key(), [0], ranges.Max(r => r.LastSeq));
        var after = await Documents.AppendAsync(Key(), [[99]]);
        var chain = ranges.Append(first).Append(after).OrderBy(r => r.LastSeq).ToList();
        for (var i = 1; i < chain.Count; i++) Assert.Equal(chain[i - 1].LastSeq, chain[i].PreviousSeq);
    }

    [Fact]
    public async Task Concurrent_appends_to_many_documents_all_land()
    {
        var tasks = Enumerable.Range(0, 8).SelectMany(d => Enumerable.Range(0, 10).Select(i =>
            Documents.AppendAsync(Key($"d{d}"), [[(byte)d, (byte)i]]))).ToList();
        await Task.WhenAll(tasks);
        for (var d = 0; d < 8; d++) Assert.Equal(10, (await Documents.LoadAsync(Key($"d{d}"))).Log.Count);
        await Maintenance.PingAsync();
    }
}
