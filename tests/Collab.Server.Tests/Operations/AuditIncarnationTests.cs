using System.Net;
using System.Net.Http.Json;
using Collab.Server.Audit;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>A project deleted and created again under the same id by someone else does not show them the old project's audit log.</summary>
[Trait("Needs", "Server")]
public sealed class AuditIncarnationTests : IAsyncLifetime
{
    private const string Project = "reused";
    private readonly InProcessServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_new_owner_of_a_reused_project_id_reads_only_their_own_entries()
    {
        await _server.CreateProjectAsync("olivia", Project);
        await _server.AddMemberAsync("olivia", Project, "secret-colleague", "editor");
        await _server.CreateNotebookAsync("olivia", Project, "confidential-plan.ipynb");
        using (var olivia = _server.Client(TestTokens.For("olivia")))
            Assert.Equal(HttpStatusCode.NoContent, (await olivia.DeleteAsync($"/api/projects/{Project}")).StatusCode);

        await _server.CreateProjectAsync("mallory", Project);
        using var mallory = _server.Client(TestTokens.For("mallory"));
        var entries = (await mallory.GetFromJsonAsync<List<AuditEntry>>($"/api/projects/{Project}/audit?limit=1000"))!;

        Assert.Equal([AuditActions.ProjectCreate], entries.Where(e => e.Action != AuditActions.Login).Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("mallory", e.Actor));
        var text = string.Join("\n", entries.Select(e => $"{e.Actor} {e.Target} {e.Detail}"));
        Assert.DoesNotContain("secret-colleague", text);
        Assert.DoesNotContain("confidential-plan", text);
    }
}
