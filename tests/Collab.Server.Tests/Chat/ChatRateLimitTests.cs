using System.Net;
using System.Net.Http.Json;
using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// One chat allowance per user, whichever way the user posts (hub, REST, several connections);
/// an <c>@copilot</c> post over the copilot's rate limit is refused whole: no question, no bot message.
/// </summary>
[Trait("Needs", "Server")]
public sealed class ChatRateLimitTests : IAsyncLifetime
{
    private const string Project = "limited";
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer(new Dictionary<string, string>
        {
            ["Chat:MessagesPerSecond"] = "0.2",
            ["Chat:MessageBurst"] = "6",
            ["Copilot:RateLimit:RequestsPerMinute"] = "1",
            ["Copilot:RateLimit:Burst"] = "1",
            ["Copilot:Docs:IndexOnStart"] = "false",
        });
        await _server.CreateProjectAsync("olivia", Project);
        await _server.AddMemberAsync("olivia", Project, "eddie", "editor");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Rest_and_hub_posts_share_one_allowance_per_user()
    {
        await using var hub1 = await ChatHubClient.ConnectAsync(_server.HttpUrl, "eddie");
        await using var hub2 = await ChatHubClient.ConnectAsync(_server.HttpUrl, "eddie");
        using var rest = _server.Client(TestTokens.For("eddie"));
        await hub1.SendAsync(Project, "one");
        await hub2.SendAsync(Project, "two");
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Created, (await rest.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = $"rest {i}" })).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await rest.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = "seventh" })).StatusCode);
        Assert.Contains("[rate_limited", (await Assert.ThrowsAsync<HubException>(() => hub2.SendAsync(Project, "eighth"))).Message);
        // Someone else's allowance is their own.
        using var olivia = _server.Client(TestTokens.For("olivia"));
        Assert.Equal(HttpStatusCode.Created, (await olivia.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = "mine" })).StatusCode);
        var history = await hub1.AllHistoryAsync(Project, 50);
        Assert.Equal(7, history.Count);
    }

    [Fact]
    public async Task A_copilot_question_over_its_rate_limit_is_refused_and_starts_no_reply()
    {
        using var rest = _server.Client(TestTokens.For("olivia"));
        var first = await rest.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = "@copilot what is MIG?" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        for (var i = 0; i < 3; i++)
        {
            var refused = await rest.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = $"@copilot again {i}?" });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("Copilot:RateLimit", await refused.Content.ReadAsStringAsync());
        }

        await using var hub = await ChatHubClient.ConnectAsync(_server.HttpUrl, "olivia");
        await hub.JoinAsync(Project);
        Assert.True(await hub.SeesAsync(c => c.Messages.Values.Any(m => m.Author == ChatBots.Copilot && m.State != ChatMessageState.Streaming)), _server.Log);
        var history = await hub.AllHistoryAsync(Project, 50);
        Assert.Single(history, m => m.Author == "olivia");
        Assert.Single(history, m => m.Author == ChatBots.Copilot);
    }
}
