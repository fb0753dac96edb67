using System.Net;
using System.Net.Http.Json;
using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Chat;

/// <summary>Who may read, post, edit and delete; bad input gets a clear error and changes nothing.</summary>
[Trait("Needs", "Server")]
public sealed class ChatPermissionTests : IAsyncLifetime
{
    private const string Project = "chat-roles";
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer(new Dictionary<string, string>
        {
            ["Chat:MaxBodyChars"] = "100",
            ["Chat:MessagesPerSecond"] = "1",
            ["Chat:MessageBurst"] = "15",
        });
        await _server.CreateProjectAsync("olivia", Project);
        await _server.AddMemberAsync("olivia", Project, "eddie", "editor");
        await _server.AddMemberAsync("olivia", Project, "vera", "viewer");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Non_members_see_nothing()
    {
        await using var olivia = await ChatHubClient.ConnectAsync(_server.HttpUrl, "olivia");
        await olivia.SendAsync(Project, "members only");
        await using var mallory = await ChatHubClient.ConnectAsync(_server.HttpUrl, "mallory");
        var refused = await Assert.ThrowsAsync<HubException>(() => mallory.JoinAsync(Project));
        Assert.Contains("Project not found.", refused.Message);
        await Assert.ThrowsAsync<HubException>(() => mallory.SendAsync(Project, "let me in"));
        await Assert.ThrowsAsync<HubException>(() => mallory.Connection.InvokeAsync<ChatPage>("GetChatHistory", Project, null, null));
        Assert.Empty(mallory.Read(c => c.Messages));

        using var http = _server.Client(TestTokens.For("mallory"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/projects/{Project}/chat/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/projects/{Project}/chat/search?q=members")).StatusCode);
    }

    [Fact]
    public async Task Viewers_post_until_an_owner_turns_it_off()
    {
        await using var vera = await ChatHubClient.ConnectAsync(_server.HttpUrl, "vera");
        Assert.True((await vera.JoinAsync(Project)).CanPost);
        await vera.SendAsync(Project, "a viewer's question");

        using var owner = _server.Client(TestTokens.For("olivia"));
        using var viewer = _server.Client(TestTokens.For("vera"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PutAsJsonAsync($"/api/projects/{Project}/chat/settings", new ChatSettings(false))).StatusCode);
        (await owner.PutAsJsonAsync($"/api/projects/{Project}/chat/settings", new ChatSettings(false))).EnsureSuccessStatusCode();

        var refused = await Assert.ThrowsAsync<HubException>(() => vera.SendAsync(Project, "again?"));
        Assert.Contains("Viewers cannot post", refused.Message);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new ChatMessageDraft("via REST"))).StatusCode);
        var page = await vera.Connection.InvokeAsync<ChatPage>("GetChatHistory", Project, null, null);
        Assert.Equal(["a viewer's question"], page.Messages.Select(m => m.Body)); // still reads
        Assert.False((await vera.JoinAsync(Project)).CanPost);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error_and_changes_nothing()
    {
        await using var olivia = await ChatHubClient.ConnectAsync(_server.HttpUrl, "olivia");
        await using var eddie = await ChatHubClient.ConnectAsync(_server.HttpUrl, "eddie");
        var original = await olivia.SendAsync(Project, "original");
        var eddies = await eddie.SendAsync(Project, "eddie's own");

        async Task Refused(Func<Task> call, string expected) =>
            Assert.Contains(expected, (await Assert.ThrowsAsync<HubException>(call)).Message);
        await Refused(() => eddie.SendAsync(Project, "   "), "The message is empty.");
        await Refused(() => eddie.SendAsync(Project, new string('x', 101)), "over Chat:MaxBodyChars (100)");
        await Refused(() => eddie.SendAsync(Project, "reply", replyTo: original.Id + 1000), "does not exist in this project");
        await Refused(() => eddie.SendAsync(Project, "cell", cell: new NotebookCellRef("missing.ipynb", "c1")), "does not exist in this project");
        await Refused(() => eddie.Connection.InvokeAsync<ChatMessage>("EditChatMessage", Project, original.Id, "hijacked"), "only edit your own");
        await Refused(() => eddie.Connection.InvokeAsync<ChatMessage>("EditChatMessage", Project, eddies.Id, ""), "The message is empty.");
        await Refused(() => eddie.Connection.InvokeAsync<ChatMessage>("DeleteChatMessage", Project, original.Id), "only delete your own");
        await Refused(() => eddie.Connection.InvokeAsync<ChatMessage>("EditChatMessage", Project, original.Id + 1000, "x"), "not found");

        using var http = _server.Client(TestTokens.For("eddie"));
        var restEdit = await http.PatchAsJsonAsync($"/api/projects/{Project}/chat/messages/{original.Id}", new EditChatMessageRequest("hijacked"));
        Assert.Equal(HttpStatusCode.Forbidden, restEdit.StatusCode);
        Assert.Contains("only edit your own", await restEdit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await http.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new ChatMessageDraft(""))).StatusCode);

        var page = await olivia.Connection.InvokeAsync<ChatPage>("GetChatHistory", Project, null, null);
        Assert.Equal(["original", "eddie's own"], page.Messages.Select(m => m.Body));
        Assert.All(page.Messages, m => Assert.Null(m.EditedAt));

        // The owner may delete anyone's message; it stays as a tombstone.
        var tombstone = await olivia.Connection.InvokeAsync<ChatMessage>("DeleteChatMessage", Project, eddies.Id);
        Assert.Equal(("", "olivia"), (tombstone.Body, tombstone.DeletedBy));
        await Refused(() => eddie.Connection.InvokeAsync<ChatMessage>("EditChatMessage", Project, eddies.Id, "back"), "was deleted");
    }

    [Fact]
    public async Task A_flooding_connection_is_refused_and_the_refused_messages_are_not_stored()
    {
        await using var eddie = await ChatHubClient.ConnectAsync(_server.HttpUrl, "eddie");
        var sends = Enumerable.Range(0, 30).Select(i => eddie.SendAsync(Project, $"flood {i}")).ToList();
        var acked = 0;
        foreach (var send in sends)
        {
            try { await send; acked++; }
            catch (HubException ex) { Assert.Contains("Chat:MessagesPerSecond", ex.Message); }
        }
        Assert.InRange(acked, 15, 20);
        var stored = await eddie.AllHistoryAsync(Project, pageSize: 50);
        Assert.Equal(acked, stored.Count(m => m.Body.StartsWith("flood ")));
    }
}
