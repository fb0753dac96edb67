using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Notebooks;

/// <summary>
/// <c>POST …/notebooks/{name}/rename</c> on each storage backend: the content (cell ids and outputs
/// included) moves to the new name, the old one is gone; taken, missing and bad names and viewers are refused.
/// </summary>
public abstract class NotebookRenameTests : IAsyncLifetime
{
    private const string Project = "rename";
    private InProcessServer _server = null!;

    protected abstract Task<string?> PostgresAsync();

    public async Task InitializeAsync()
    {
        _server = InProcessServer.On(await PostgresAsync());
        await _server.CreateProjectAsync("alice", Project);
        await _server.AddMemberAsync("alice", Project, "bob", "editor");
        await _server.AddMemberAsync("alice", Project, "vera", "viewer");
        await _server.CreateNotebookAsync("alice", Project, "draft.ipynb", Ipynb("x = 1"));
        await _server.CreateNotebookAsync("alice", Project, "other.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_editor_renames_and_the_content_moves_with_the_name()
    {
        using var bob = _server.Client(TestTokens.For("bob"));

        using var response = await bob.PostAsJsonAsync($"/api/projects/{Project}/notebooks/draft.ipynb/rename", new { name = "final.ipynb" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("final.ipynb", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["name"]);
        var cell = (await _server.ExportAsync("alice", Project, "final.ipynb"))["cells"]![0]!;
        Assert.Equal(("c0", "x = 1", "kept\n"), ((string?)cell["id"], (string?)cell["source"], (string?)cell["outputs"]![0]!["text"]));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/projects/{Project}/notebooks/draft.ipynb/export")).StatusCode);
        var names = (await bob.GetFromJsonAsync<JsonArray>($"/api/projects/{Project}/notebooks"))!.Select(n => (string?)n!["name"]).ToList();
        Assert.Contains("final.ipynb", names);
        Assert.DoesNotContain("draft.ipynb", names);
    }

    [Theory]
    [InlineData("alice", "draft.ipynb", "other.ipynb", HttpStatusCode.Conflict)]
    [InlineData("alice", "missing.ipynb", "new.ipynb", HttpStatusCode.NotFound)]
    [InlineData("alice", "draft.ipynb", "../escape.ipynb", HttpStatusCode.BadRequest)]
    [InlineData("vera", "draft.ipynb", "new.ipynb", HttpStatusCode.Forbidden)]
    public async Task Refused_renames_leave_both_notebooks_as_they_were(string user, string from, string to, HttpStatusCode expected)
    {
        using var client = _server.Client(TestTokens.For(user));

        using var response = await client.PostAsJsonAsync($"/api/projects/{Project}/notebooks/{from}/rename", new { name = to });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("x = 1", (string?)(await _server.ExportAsync("alice", Project, "draft.ipynb"))["cells"]![0]!["source"]);
        Assert.Empty((await _server.ExportAsync("alice", Project, "other.ipynb"))["cells"]!.AsArray());
    }

    private static JsonObject Ipynb(string source) => new()
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(new JsonObject
        {
            ["id"] = "c0",
            ["cell_type"] = "code",
            ["source"] = source,
            ["metadata"] = new JsonObject(),
            ["execution_count"] = 1,
            ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "kept\n" }),
        }),
    };
}

public sealed class SqliteNotebookRenameTests : NotebookRenameTests
{
    protected override Task<string?> PostgresAsync() => Task.FromResult<string?>(null);
}

[Trait("Needs", "Postgres")]
public sealed class PostgresNotebookRenameTests : NotebookRenameTests
{
    protected override async Task<string?> PostgresAsync() => await TestPostgres.CreateDatabaseAsync("e2e_rename");
}
