using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.History;

/// <summary>Notebooks and REST calls the history tests share.</summary>
public static class HistoryNotebooks
{
    public static JsonObject Ipynb(params (string Id, string Source)[] cells) => new()
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["cell_type"] = "code",
            ["source"] = c.Source,
            ["metadata"] = new JsonObject(),
            ["execution_count"] = null,
            ["outputs"] = new JsonArray(),
        }).ToArray()),
    };

    /// <summary>The project the history tests work in: alice owns it, bob edits, vera views; one three-cell notebook.</summary>
    public static async Task SeedAsync(ITestServer server, string project, string notebook)
    {
        await server.CreateProjectAsync("alice", project);
        await server.AddMemberAsync("alice", project, "bob", "editor");
        await server.AddMemberAsync("alice", project, "vera", "viewer");
        await server.CreateNotebookAsync("alice", project, notebook, Ipynb(("a", "x = 1\ny = 2\n"), ("b", "print(x)"), ("c", "# notes")));
    }

    public static string VersionsPath(string project, string notebook) => $"/api/projects/{project}/notebooks/{notebook}/versions";

    public static async Task<JsonArray> ListAsync(this ITestServer server, string user, string project, string notebook)
    {
        using var client = server.Client(TestTokens.For(user));
        return (await client.GetFromJsonAsync<JsonArray>(VersionsPath(project, notebook)))!;
    }

    public static async Task<long> CheckpointAsync(this ITestServer server, string user, string project, string notebook, string name)
    {
        using var client = server.Client(TestTokens.For(user));
        using var response = await client.PostAsJsonAsync(VersionsPath(project, notebook), new { name });
        response.EnsureSuccessStatusCode();
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    public static async Task ImportAsync(this ITestServer server, string user, string project, string notebook, JsonObject ipynb)
    {
        using var client = server.Client(TestTokens.For(user));
        (await client.PostAsJsonAsync($"/api/projects/{project}/notebooks/{notebook}/import", ipynb)).EnsureSuccessStatusCode();
    }

    public static List<(string Id, string Source)> Cells(JsonObject ipynb) =>
        ipynb["cells"]!.AsArray().Select(c => ((string)c!["id"]!, (string)c["source"]!)).ToList();
}
