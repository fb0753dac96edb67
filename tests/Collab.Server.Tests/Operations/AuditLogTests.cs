using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Audit;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>The audit log of a real server: what gets recorded, who may read it, that nobody may change it.</summary>
[Trait("Needs", "Server")]
public sealed class AuditLogTests : IAsyncLifetime
{
    private const string Project = "audited";
    private readonly InProcessServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Owners_read_who_did_what_and_when()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        await _server.CreateProjectAsync("olivia", Project);
        await _server.AddMemberAsync("olivia", Project, "eddie", "viewer");
        await _server.AddMemberAsync("olivia", Project, "eddie", "editor");
        await _server.AddMemberAsync("olivia", Project, "eddie", "editor"); // no change, no entry
        await _server.AddMemberAsync("olivia", Project, "vera", "viewer");
        using (var olivia = _server.Client(TestTokens.For("olivia")))
            Assert.Equal(HttpStatusCode.NoContent, (await olivia.DeleteAsync($"/api/projects/{Project}/members/vera")).StatusCode);
        await _server.CreateNotebookAsync("eddie", Project, "x.ipynb");
        await _server.ExportAsync("eddie", Project, "x.ipynb");
        using (var eddie = _server.Client(TestTokens.For("eddie")))
        {
            var ipynb = await _server.ExportAsync("eddie", Project, "x.ipynb");
            (await eddie.PostAsJsonAsync($"/api/projects/{Project}/notebooks/x.ipynb/import", ipynb)).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.NoContent, (await eddie.DeleteAsync($"/api/projects/{Project}/notebooks/x.ipynb")).StatusCode);
            (await eddie.GetAsync($"/api/projects/{Project}/notebooks")).EnsureSuccessStatusCode(); // same token again: no second login
        }

        var entries = await ReadAuditAsync("olivia");
        var actions = entries.Select(e => (e.Actor, e.Action, e.Target, e.Detail)).Reverse().ToList();
        Assert.Equal(
        [
            ("olivia", AuditActions.ProjectCreate, null, Project),
            ("olivia", AuditActions.MemberAdd, "eddie", "viewer"),
            ("olivia", AuditActions.MemberRoleChange, "eddie", "viewer -> editor"),
            ("olivia", AuditActions.MemberAdd, "vera", "viewer"),
            ("olivia", AuditActions.MemberRemove, "vera", null),
            ("eddie", AuditActions.NotebookCreate, "x.ipynb", null),
            ("eddie", AuditActions.NotebookExport, "x.ipynb", null),
            ("eddie", AuditActions.NotebookExport, "x.ipynb", null),
            ("eddie", AuditActions.NotebookImport, "x.ipynb", null),
            ("eddie", AuditActions.NotebookDelete, "x.ipynb", null),
        ], actions.Where(a => a.Action != AuditActions.Login).ToList());
        Assert.All(entries, e => Assert.InRange(e.At, started, DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal(entries.Select(e => e.Id).OrderDescending(), entries.Select(e => e.Id));
    }

    [Fact]
    public async Task A_login_is_the_first_use_of_a_token_in_the_project_over_any_transport()
    {
        await _server.CreateProjectAsync("olivia", Project);
        await _server.AddMemberAsync("olivia", Project, "eddie", "editor");
        await _server.AddMemberAsync("olivia", Project, "vera", "viewer");
        var eddieToken = TestTokens.For("eddie");
        using (var eddie = _server.Client(eddieToken))
        {
            for (var i = 0; i < 3; i++) (await eddie.GetAsync($"/api/projects/{Project}/notebooks")).EnsureSuccessStatusCode();
        }
        await using (var hub = await HubDocClient.JoinAsync(_server, TestTokens.For("vera"), Project, "welcome.ipynb")) { }
        using (var nora = _server.Client(TestTokens.For("nora")))
            Assert.Equal(HttpStatusCode.NotFound, (await nora.GetAsync($"/api/projects/{Project}/notebooks")).StatusCode);

        var logins = (await ReadAuditAsync("olivia")).Where(e => e.Action == AuditActions.Login).ToList();
        Assert.Equal(1, logins.Count(e => e.Actor == "eddie" && e.Detail == "via http"));
        Assert.Equal(1, logins.Count(e => e.Actor == "vera" && e.Detail == "via signalr"));
        Assert.DoesNotContain(logins, e => e.Actor == "nora");
    }

    [Fact]
    public async Task Only_owners_read_it_and_nobody_can_change_it()
    {
        await _server.CreateProjectAsync("olivia", Project);
        await _server.AddMemberAsync("olivia", Project, "eddie", "editor");
        using var eddie = _server.Client(TestTokens.For("eddie"));
        using var nora = _server.Client(TestTokens.For("nora"));
        using var olivia = _server.Client(TestTokens.For("olivia"));
        var url = $"/api/projects/{Project}/audit";
        Assert.Equal(HttpStatusCode.Forbidden, (await eddie.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nora.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await olivia.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await olivia.PutAsJsonAsync(url, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await olivia.PostAsJsonAsync(url, new { })).StatusCode);
        var first = (await ReadAuditAsync("olivia")).Single(e => e.Action == AuditActions.ProjectCreate);
        Assert.Equal(HttpStatusCode.NotFound, (await olivia.DeleteAsync($"{url}/{first.Id}")).StatusCode);
    }

    [Fact]
    public async Task Paging_returns_every_entry_once()
    {
        await _server.CreateProjectAsync("olivia", Project);
        for (var i = 0; i < 7; i++) await _server.AddMemberAsync("olivia", Project, $"user{i}", "viewer");
        // One token throughout: its login is recorded on the first read, before the two compared reads.
        using var olivia = _server.Client(TestTokens.For("olivia"));
        (await olivia.GetAsync($"/api/projects/{Project}/audit")).EnsureSuccessStatusCode();
        var all = (await olivia.GetFromJsonAsync<List<AuditEntry>>($"/api/projects/{Project}/audit?limit=1000"))!;
        var paged = new List<AuditEntry>();
        long? before = null;
        while (true)
        {
            var page = (await olivia.GetFromJsonAsync<List<AuditEntry>>($"/api/projects/{Project}/audit?limit=3" + (before is null ? "" : $"&before={before}")))!;
            if (page.Count == 0) break;
            paged.AddRange(page);
            before = page[^1].Id;
        }
        Assert.Equal(all, paged);
    }

    private async Task<List<AuditEntry>> ReadAuditAsync(string owner)
    {
        using var client = _server.Client(TestTokens.For(owner));
        var response = await client.GetAsync($"/api/projects/{Project}/audit?limit=1000");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<AuditEntry>>())!;
    }
}
