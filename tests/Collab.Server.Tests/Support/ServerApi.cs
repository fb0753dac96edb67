using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Collab.Server.Tests.Support;

/// <summary>The REST calls tests need to set a scene up, asserting success.</summary>
public static class ServerApi
{
    public static async Task CreateProjectAsync(this ITestServer server, string owner, string projectId)
    {
        using var client = server.Client(TestTokens.For(owner));
        (await client.PostAsJsonAsync("/api/projects", new { id = projectId })).EnsureSuccessStatusCode();
    }

    public static async Task AddMemberAsync(this ITestServer server, string owner, string projectId, string user, string role)
    {
        using var client = server.Client(TestTokens.For(owner));
        (await client.PutAsJsonAsync($"/api/projects/{projectId}/members/{user}", new { role })).EnsureSuccessStatusCode();
    }

    public static async Task CreateNotebookAsync(this ITestServer server, string user, string projectId, string name, JsonObject? content = null)
    {
        using var client = server.Client(TestTokens.For(user));
        (await client.PostAsJsonAsync($"/api/projects/{projectId}/notebooks", new { name, content })).EnsureSuccessStatusCode();
    }

    public static async Task<JsonObject> ExportAsync(this ITestServer server, string user, string projectId, string name)
    {
        using var client = server.Client(TestTokens.For(user));
        var response = await client.GetAsync($"/api/projects/{projectId}/notebooks/{name}/export");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
