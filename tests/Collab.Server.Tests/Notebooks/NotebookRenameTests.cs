using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Notebooks;

/// <summary>
/// <c>POST …/notebooks/{name}/rename</c> on each storage backend: the content (cell ids and outputs
/// included) moves to the new name, the old one is gone; taken, missing and bad names and viewers are refused.
/// One server per class, each test in a project of its own on it.
/// </summary>
public abstract class NotebookRenameTests(ClassServer backend) : IAsyncLifetime
{
    private InProcessServer Server => backend.Server;

    /// <summary>Each test's own project on the class's one server.</summary>
    private string Project { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Project = await backend.NewProjectAsync("rename", "alice", ("bob", "editor"), ("vera", "viewer"));
        await Server.CreateNotebookAsync("alice", Project, "draft.ipynb", Ipynb("x = 1"));
        await Server.CreateNotebookAsync("alice", Project, "other.ipynb");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_editor_renames_and_the_content_moves_with_the_name()
    {
        using var bob = Server.Client(TestTokens.For("bob"));

        using var response = await bob.PostAsJsonAsync($"/api/projects/{Project}/notebooks/draft.ipynb/rename", new { name = "final.ipynb" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("final.ipynb", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["name"]);
        var cell = (await Server.ExportAsync("alice", Project, "final.ipynb"))["cells"]![0]!;
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
        using var client = Server.Client(TestTokens.For(user));

        using var response = await client.PostAsJsonAsync($"/api/projects/{Project}/notebooks/{from}/rename", new { name = to });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("x = 1", (string?)(await Server.ExportAsync("alice", Project, "draft.ipynb"))["cells"]![0]!["source"]);
        Assert.Empty((await Server.ExportAsync("alice", Project, "other.ipynb"))["cells"]!.AsArray());
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

[Trait("Needs", "Server")]
public sealed class SqliteNotebookRenameTests(SqliteNotebookRenameTests.Backend backend) : NotebookRenameTests(backend), IClassFixture<SqliteNotebookRenameTests.Backend>
{
    public sealed class Backend : ClassServer;
}

[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class PostgresNotebookRenameTests(PostgresNotebookRenameTests.Backend backend) : NotebookRenameTests(backend), IClassFixture<PostgresNotebookRenameTests.Backend>
{
    public sealed class Backend() : ClassServer(async () => InProcessServer.On(await TestPostgres.CreateDatabaseAsync("e2e_rename")));
}
