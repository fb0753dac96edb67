using Collab.Server.Audit;
using Collab.Server.Projects;
using Collab.Server.Storage;

namespace Collab.Server.Tests.Operations;

/// <summary>What every audit store backend must do, on a fresh store with the core and audit schema.</summary>
public abstract class AuditStoreContractTests : IAsyncLifetime
{
    protected IAuditStore Audit { get; set; } = null!;
    protected IProjectStore Projects { get; set; } = null!;
    protected IStoreMaintenance Maintenance { get; set; } = null!;
    protected IStoreSchemaContributor Schema { get; set; } = null!;

    protected abstract Task CreateStoreAsync();

    /// <summary>Runs raw SQL on the store, as an operator's session or a buggy query would.</summary>
    protected abstract Task ExecuteAsync(string sql);

    protected abstract Task<long> CountAsync(string sql);

    public async Task InitializeAsync()
    {
        await CreateStoreAsync();
        await Maintenance.EnsureSchemaAsync();
        await Schema.EnsureSchemaAsync();
        await Schema.EnsureSchemaAsync(); // idempotent: every start runs it
        // Entries are listed for projects that exist (the incarnation they were written in).
        await Projects.CreateAsync(new ProjectInfo("p1", "P1", T0), "olivia");
        await Projects.CreateAsync(new ProjectInfo("p2", "P2", T0), "olivia");
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private static AuditEvent Event(string project, string action, int second = 0, string? target = null, string? once = null) =>
        new(project, T0.AddSeconds(second), "olivia", action, target, "detail", once);

    [Fact]
    public async Task Appended_entries_come_back_newest_first_with_who_when_what()
    {
        var first = await Audit.AppendAsync(Event("p1", AuditActions.MemberAdd, 0, "eddie"));
        var second = await Audit.AppendAsync(Event("p1", AuditActions.NotebookExport, 1, "a.ipynb"));
        Assert.NotNull(first);
        Assert.True(second!.Id > first.Id);
        var list = await Audit.ListAsync("p1", null, 10);
        Assert.Equal([second, first], list);
        Assert.Equal(new AuditEntry(first.Id, "p1", T0, "olivia", AuditActions.MemberAdd, "eddie", "detail"), list[1]);
    }

    [Fact]
    public async Task Null_target_and_detail_are_kept_as_null()
    {
        var entry = await Audit.AppendAsync(new AuditEvent("p1", T0, "system", AuditActions.ProjectDelete));
        Assert.Equal(new AuditEntry(entry!.Id, "p1", T0, "system", AuditActions.ProjectDelete, null, null), (await Audit.ListAsync("p1", null, 1)).Single());
    }

    [Fact]
    public async Task Pages_with_before_and_keeps_projects_apart()
    {
        for (var i = 0; i < 5; i++) await Audit.AppendAsync(Event("p1", AuditActions.Login, i));
        await Audit.AppendAsync(Event("p2", AuditActions.Login));
        var page1 = await Audit.ListAsync("p1", null, 3);
        var page2 = await Audit.ListAsync("p1", page1[^1].Id, 3);
        Assert.Equal(3, page1.Count);
        Assert.Equal(2, page2.Count);
        Assert.All(page1.Concat(page2), e => Assert.Equal("p1", e.ProjectId));
        Assert.Equal(page1.Concat(page2).Select(e => e.Id).OrderDescending(), page1.Concat(page2).Select(e => e.Id));
        Assert.Single(await Audit.ListAsync("p2", null, 10));
        Assert.Empty(await Audit.ListAsync("p3", null, 10));
    }

    [Fact]
    public async Task An_entry_with_a_once_key_is_appended_only_once()
    {
        Assert.NotNull(await Audit.AppendAsync(Event("p1", AuditActions.Login, once: "login:p1:abc")));
        Assert.Null(await Audit.AppendAsync(Event("p1", AuditActions.Login, 5, once: "login:p1:abc")));
        Assert.NotNull(await Audit.AppendAsync(Event("p1", AuditActions.Login, once: "login:p1:other")));
        Assert.Equal(2, (await Audit.ListAsync("p1", null, 10)).Count);
    }

    [Fact]
    public async Task The_table_refuses_updates_and_deletes()
    {
        await Audit.AppendAsync(Event("p1", AuditActions.MemberRemove, target: "eddie"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync("UPDATE audit_log SET actor = 'mallory'"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync("DELETE FROM audit_log"));
        Assert.Equal("olivia", (await Audit.ListAsync("p1", null, 10)).Single().Actor);
    }

    [Fact]
    public async Task Entries_outlive_their_project_but_a_project_created_again_under_its_id_starts_with_an_empty_log()
    {
        await Projects.CreateAsync(new ProjectInfo("p3", "P3", T0), "olivia");
        await Audit.AppendAsync(Event("p3", AuditActions.ProjectCreate));
        await Audit.AppendAsync(Event("p3", AuditActions.MemberAdd, 1, "eddie"));
        await Audit.AppendAsync(Event("p3", AuditActions.ProjectDelete, 2));
        Assert.True(await Projects.DeleteAsync("p3"));
        Assert.Empty(await Audit.ListAsync("p3", null, 10));
        await Audit.AppendAsync(Event("p3", AuditActions.Login, 3)); // a late request of the old project: belongs to none

        await Projects.CreateAsync(new ProjectInfo("p3", "Mallory's P3", T0.AddSeconds(4)), "mallory");
        var created = await Audit.AppendAsync(new AuditEvent("p3", T0.AddSeconds(4), "mallory", AuditActions.ProjectCreate));
        Assert.Equal([created!], await Audit.ListAsync("p3", null, 10));
        Assert.Equal(5, await CountAsync("SELECT count(*) FROM audit_log WHERE project_id = 'p3'"));
    }

    [Fact]
    public async Task Entries_from_before_incarnations_stay_with_the_project_they_were_written_for()
    {
        await Projects.CreateAsync(new ProjectInfo("p3", "P3", T0), "olivia");
        await Audit.AppendAsync(Event("p3", AuditActions.ProjectCreate));
        await Audit.AppendAsync(Event("p3", AuditActions.MemberAdd, 1, "eddie"));
        await Audit.AppendAsync(Event("p3", AuditActions.ProjectDelete, 2));
        await Projects.DeleteAsync("p3");
        await Projects.CreateAsync(new ProjectInfo("p3", "P3 again", T0), "mallory");
        await Audit.AppendAsync(Event("p3", AuditActions.ProjectCreate, 3));
        await Audit.AppendAsync(Event("p3", AuditActions.MemberAdd, 4, "nora"));
        await Audit.AppendAsync(Event("p4", AuditActions.ProjectCreate, 5)); // a project long gone
        // The store as an earlier version left it: no incarnation on the entries.
        await ExecuteAsync("ALTER TABLE audit_log DROP COLUMN incarnation");

        await Schema.EnsureSchemaAsync();

        Assert.Equal([("nora", AuditActions.MemberAdd), (null, AuditActions.ProjectCreate)],
            (await Audit.ListAsync("p3", null, 10)).Select(e => (e.Target, e.Action)));
        Assert.Empty(await Audit.ListAsync("p4", null, 10));
        Assert.Equal(6, await CountAsync("SELECT count(*) FROM audit_log"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync("UPDATE audit_log SET actor = 'mallory'"));
        Assert.NotNull(await Audit.AppendAsync(Event("p3", AuditActions.Login, 6)));
    }
}
