using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Limits;

/// <summary>
/// .ipynb imports and creations are held to the document limits: the offender gets 413 naming the
/// setting and the notebook stays exactly as it was; a large import does not stop others editing.
/// </summary>
[Trait("Needs", "Server")]
public sealed class NotebookImportLimitTests(NotebookImportLimitTests.ImportServer fixture) : IClassFixture<NotebookImportLimitTests.ImportServer>
{
    private const string Project = "imports";

    /// <summary>One server and project for the class: every test (and theory case) imports into a notebook of its own.</summary>
    public sealed class ImportServer() : ClassServer(new Dictionary<string, string>
    {
        ["Limits:MaxMessageBytes"] = "16384",
        ["Limits:MaxDocumentBytes"] = "1048576",
        ["Notebooks:MaxCells"] = "3000",
        ["Notebooks:MaxParts"] = "8000",
    })
    {
        protected override async Task SeedAsync()
        {
            await Server.CreateProjectAsync("alice", Project);
            await Server.AddMemberAsync("alice", Project, "bob", "editor");
        }
    }

    private InProcessServer Server => fixture.Server;

    [Fact]
    public async Task A_body_over_the_document_limit_is_refused_unread_and_changes_nothing()
    {
        var before = await NewNotebookAsync("body.ipynb");
        var response = await ImportAsync("body.ipynb", Notebook(1, new string('x', 1_200_000)));
        await AssertRefusedAsync(response, "Limits:MaxDocumentBytes");
        Assert.True(JsonCompare.Same(before, await Server.ExportAsync("alice", Project, "body.ipynb")));
    }

    [Fact]
    public async Task Too_many_cells_or_parts_are_refused_and_change_nothing()
    {
        var before = await NewNotebookAsync("cells.ipynb");
        await AssertRefusedAsync(await ImportAsync("cells.ipynb", Notebook(3001, "x")), "Notebooks:MaxCells");
        var wide = Notebook(1, "x");
        var metadata = new JsonObject();
        for (var i = 0; i < 9000; i++) metadata[$"k{i}"] = i;
        wide["cells"]![0]!["metadata"] = metadata;
        await AssertRefusedAsync(await ImportAsync("cells.ipynb", wide), "Notebooks:MaxParts");
        Assert.True(JsonCompare.Same(before, await Server.ExportAsync("alice", Project, "cells.ipynb")));

        using var alice = Server.Client(TestTokens.For("alice"));
        var created = await alice.PostAsJsonAsync($"/api/projects/{Project}/notebooks", new { name = "big.ipynb", content = Notebook(3001, "x") });
        await AssertRefusedAsync(created, "Notebooks:MaxCells");
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/projects/{Project}/notebooks/big.ipynb/export")).StatusCode);
    }

    [Theory]
    [InlineData("array.ipynb", "[]")]
    [InlineData("numbers.ipynb", "{\"cells\": [1, 2]}")]
    [InlineData("output.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"outputs\": [3]}]}")]
    [InlineData("cut.ipynb", "{\"cells\": ")]
    public async Task A_malformed_notebook_is_a_bad_request_and_changes_nothing(string name, string body)
    {
        var before = await NewNotebookAsync(name);
        using var alice = Server.Client(TestTokens.For("alice"));
        var response = await alice.PostAsync($"/api/projects/{Project}/notebooks/{name}/import",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonCompare.Same(before, await Server.ExportAsync("alice", Project, name)));
    }

    [Fact]
    public async Task An_import_that_would_grow_the_document_past_its_limit_applies_nothing()
    {
        await NewNotebookAsync("grow.ipynb");
        var first = Notebook(1000, new string('a', 500));
        Assert.Equal(HttpStatusCode.NoContent, (await ImportAsync("grow.ipynb", first)).StatusCode);
        var before = await Server.ExportAsync("alice", Project, "grow.ipynb");

        // Over the old copy, the new one would need as much room again: more than the document has left.
        await AssertRefusedAsync(await ImportAsync("grow.ipynb", Notebook(1000, new string('b', 500))), "Limits:MaxDocumentBytes");
        Assert.True(JsonCompare.Same(before, await Server.ExportAsync("alice", Project, "grow.ipynb")));
        await using var bob = await HubDocClient.JoinAsync(Server, TestTokens.For("bob"), Project, "grow.ipynb");
        Assert.Equal(1000, bob.Read(NotebookEdits.CellCount));
    }

    [Fact]
    public async Task Others_keep_editing_while_a_large_notebook_is_imported()
    {
        await NewNotebookAsync("shared.ipynb");
        await using var bob = await HubDocClient.JoinAsync(Server, TestTokens.For("bob"), Project, "shared.ipynb");
        var import = ImportAsync("shared.ipynb", Notebook(2500, "print('imported')"));
        var acknowledged = 0;
        while (!import.IsCompleted)
        {
            bob.Edit(doc => doc.GetMap("state").Set("bob", acknowledged));
            await bob.FlushAsync();
            if (!import.IsCompleted) acknowledged++;
        }

        Assert.Equal(HttpStatusCode.NoContent, (await import).StatusCode);
        Assert.True(acknowledged > 0, "none of bob's edits was acknowledged while the import ran");
        Assert.True(await Eventually.HoldsAsync(() => bob.Read(NotebookEdits.CellCount) == 2500));
        await using var fresh = await HubDocClient.JoinAsync(Server, TestTokens.For("alice"), Project, "shared.ipynb");
        Assert.Equal(2500, fresh.Read(NotebookEdits.CellCount));
        Assert.Equal(Convert.ToInt64(bob.Read(doc => doc.GetMap("state").Get("bob"))), Convert.ToInt64(fresh.Read(doc => doc.GetMap("state").Get("bob"))));
    }

    private async Task<JsonObject> NewNotebookAsync(string name)
    {
        await Server.CreateNotebookAsync("alice", Project, name, Notebook(2, "original"));
        return await Server.ExportAsync("alice", Project, name);
    }

    private async Task<HttpResponseMessage> ImportAsync(string name, JsonObject ipynb)
    {
        using var alice = Server.Client(TestTokens.For("alice"));
        var response = await alice.PostAsync($"/api/projects/{Project}/notebooks/{name}/import",
            new StringContent(ipynb.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string setting)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(setting, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Notebook(int cells, string source)
    {
        var list = new JsonArray();
        for (var i = 0; i < cells; i++)
            list.Add(new JsonObject
            {
                ["id"] = $"cell-{i}",
                ["cell_type"] = "code",
                ["source"] = $"{source} {i}",
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["execution_count"] = null,
            });
        return new JsonObject { ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = list };
    }
}
