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

    public async Task InitializeAsync()
    {
        await CreateStoreAsync();
        await Maintenance.EnsureSchemaAsync();
        await Schema.EnsureSchemaAsync();
        await Schema.EnsureSchemaAsync(); // idempotent: every start runs it
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
    public async Task Entries_outlive_their_project()
    {
        await Projects.CreateAsync(new ProjectInfo("p1", "P1", T0), "olivia");
        await Audit.AppendAsync(Event("p1", AuditActions.ProjectCreate));
        Assert.True(await Projects.DeleteAsync("p1"));
        await Audit.AppendAsync(Event("p1", AuditActions.ProjectDelete, 1));
        Assert.Equal([AuditActions.ProjectDelete, AuditActions.ProjectCreate], (await Audit.ListAsync("p1", null, 10)).Select(e => e.Action));
    }
}
