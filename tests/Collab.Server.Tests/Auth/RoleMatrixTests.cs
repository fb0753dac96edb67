using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Auth;

/// <summary>Each role (and a non-member) against each operation, over REST, the hub and y-websocket.</summary>
[Trait("Needs", "Server")]
public sealed class RoleMatrixTests(AuthServerFixture fixture) : IClassFixture<AuthServerFixture>
{
    private InProcessServer Server => fixture.Server;

    public static TheoryData<string, string, HttpStatusCode> RestCases() => new()
    {
        // user, operation, expected status
        { "olivia", "list-notebooks", HttpStatusCode.OK },
        { "eddie", "list-notebooks", HttpStatusCode.OK },
        { "vera", "list-notebooks", HttpStatusCode.OK },
        { "nora", "list-notebooks", HttpStatusCode.NotFound },
        { "olivia", "export", HttpStatusCode.OK },
        { "vera", "export", HttpStatusCode.OK },
        { "nora", "export", HttpStatusCode.NotFound },
        { "olivia", "create-notebook", HttpStatusCode.Created },
        { "eddie", "create-notebook", HttpStatusCode.Created },
        { "vera", "create-notebook", HttpStatusCode.Forbidden },
        { "nora", "create-notebook", HttpStatusCode.NotFound },
        { "eddie", "import", HttpStatusCode.NoContent },
        { "vera", "import", HttpStatusCode.Forbidden },
        { "nora", "import", HttpStatusCode.NotFound },
        { "eddie", "delete-notebook", HttpStatusCode.NoContent },
        { "vera", "delete-notebook", HttpStatusCode.Forbidden },
        { "nora", "delete-notebook", HttpStatusCode.NotFound },
        { "vera", "list-members", HttpStatusCode.OK },
        { "nora", "list-members", HttpStatusCode.NotFound },
        { "olivia", "add-member", HttpStatusCode.OK },
        { "eddie", "add-member", HttpStatusCode.Forbidden },
        { "vera", "add-member", HttpStatusCode.Forbidden },
        { "nora", "add-member", HttpStatusCode.NotFound },
        { "eddie", "remove-member", HttpStatusCode.Forbidden },
        { "nora", "remove-member", HttpStatusCode.NotFound },
        { "eddie", "delete-project", HttpStatusCode.Forbidden },
        { "vera", "delete-project", HttpStatusCode.Forbidden },
        { "nora", "delete-project", HttpStatusCode.NotFound },
        { "nora", "get-project", HttpStatusCode.NotFound },
        { "vera", "get-project", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(RestCases))]
    public async Task Rest_operations_follow_the_role(string user, string operation, HttpStatusCode expected)
    {
        using var client = Server.Client(TestTokens.For(user));
        var scratch = $"{operation}-{user}.ipynb";
        if (operation is "import" or "delete-notebook") await Server.CreateNotebookAsync("olivia", "alpha", scratch);
        var response = operation switch
        {
            "list-notebooks" => await client.GetAsync("/api/projects/alpha/notebooks"),
            "export" => await client.GetAsync("/api/projects/alpha/notebooks/welcome.ipynb/export"),
            "create-notebook" => await client.PostAsJsonAsync("/api/projects/alpha/notebooks", new { name = scratch }),
            "import" => await client.PostAsJsonAsync($"/api/projects/alpha/notebooks/{scratch}/import",
                new { nbformat = 4, nbformat_minor = 5, metadata = new { }, cells = Array.Empty<object>() }),
            "delete-notebook" => await client.DeleteAsync($"/api/projects/alpha/notebooks/{scratch}"),
            "list-members" => await client.GetAsync("/api/projects/alpha/members"),
            "add-member" => await client.PutAsJsonAsync("/api/projects/alpha/members/newbie", new { role = "viewer" }),
            "remove-member" => await client.DeleteAsync("/api/projects/alpha/members/vera"),
            "delete-project" => await client.DeleteAsync("/api/projects/alpha"),
            "get-project" => await client.GetAsync("/api/projects/alpha"),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_and_forbidden_projects_look_the_same()
    {
        using var client = Server.Client(TestTokens.For("nora"));
        var forbidden = await client.GetAsync("/api/projects/alpha/notebooks");
        var unknown = await client.GetAsync("/api/projects/no-such-project/notebooks");
        Assert.Equal(unknown.StatusCode, forbidden.StatusCode);
        // Problem details carry a per-request trace id; everything else must match.
        var a = System.Text.Json.Nodes.JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!.AsObject();
        var b = System.Text.Json.Nodes.JsonNode.Parse(await forbidden.Content.ReadAsStringAsync())!.AsObject();
        a.Remove("traceId");
        b.Remove("traceId");
        Assert.True(JsonCompare.Same(a, b), $"{a.ToJsonString()} vs {b.ToJsonString()}");
    }

    [Theory]
    [InlineData("olivia", true, true)]
    [InlineData("eddie", true, true)]
    [InlineData("vera", true, false)]
    [InlineData("nora", false, false)]
    public async Task Hub_join_and_send_follow_the_role(string user, bool canJoin, bool canWrite)
    {
        var token = TestTokens.For(user);
        if (!canJoin)
        {
            await using var connection = HubDocClient.Connect(Server, token, messagePack: false);
            await connection.StartAsync();
            var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object>("JoinRoom", "alpha", "welcome.ipynb", new byte[] { 0 }));
            var unknown = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object>("JoinRoom", "nowhere", "welcome.ipynb", new byte[] { 0 }));
            Assert.Equal(unknown.Message, error.Message);
            return;
        }
        await using var client = await HubDocClient.JoinAsync(Server, token, "alpha", "gpu-check.ipynb");
        Assert.True(client.Read(doc => NotebookEdits.CellCount(doc)) > 0, "join did not deliver the notebook");
        client.Edit(doc => doc.GetMap("scratch").Set(user, true));
        if (canWrite)
        {
            await client.FlushAsync();
        }
        else
        {
            var error = await Assert.ThrowsAsync<HubException>(client.FlushAsync);
            Assert.Contains("viewer", error.Message);
            var export = await Server.ExportAsync("olivia", "alpha", "gpu-check.ipynb");
            Assert.NotNull(export);
        }
    }

    [Theory]
    [InlineData("vera", true)]
    [InlineData("nora", false)]
    public async Task YWebSocket_connects_members_only(string user, bool allowed)
    {
        using var socket = new ClientWebSocket();
        var url = new Uri($"{Server.WsUrl}/yjs/alpha/welcome.ipynb?access_token={TestTokens.For(user)}");
        if (allowed)
        {
            await socket.ConnectAsync(url, CancellationToken.None);
            var buffer = new byte[65536];
            var first = await socket.ReceiveAsync(buffer, CancellationToken.None);
            Assert.Equal(new byte[] { 0, 0 }, buffer[..2]); // the server's sync step 1
            Assert.True(first.Count > 2);
        }
        else
        {
            var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
            Assert.Contains("404", error.Message);
        }
    }
}
