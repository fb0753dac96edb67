using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Server.Chat;
using Collab.Server.Copilot;
using Collab.Server.Tests.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Copilot;

/// <summary>
/// The copilot through the real server without a model: the docs index is built from docs-corpus
/// in the background at start, answers stream over SSE and into chat for <c>@copilot</c>, and
/// the per-user rate limit refuses with a clear message.
/// </summary>
[Trait("Needs", "Server")]
public sealed class CopilotEndToEndTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer(new Dictionary<string, string>
        {
            ["Copilot:Docs:Path"] = Path.Combine(RepoPaths.Root, "docs-corpus"),
            ["Copilot:Docs:IndexOnStart"] = "true", // test servers leave it off unless asked
            ["Copilot:RateLimit:RequestsPerMinute"] = "1",
            ["Copilot:RateLimit:Burst"] = "2",
        });
        await _server.CreateProjectAsync("olivia", "alpha");
        await _server.AddMemberAsync("olivia", "alpha", "eddie", "editor");
        await _server.AddMemberAsync("olivia", "alpha", "vera", "viewer");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sse_answer_and_chat_reply_are_grounded_and_carry_the_disclaimer()
    {
        // The index is built in the background (readiness does not wait for it): wait for its first snapshot.
        Assert.True(await Eventually.HoldsAsync(() => File.Exists(Path.Combine(_server.DataDirectory, "index", "CURRENT")),
            TimeSpan.FromSeconds(120)), _server.Log);
        var events = await AskAsync("olivia", "How do I request a GPU?");
        var citations = events.Single(e => e.Event == "citations").Data.GetProperty("citations");
        Assert.True(citations.GetArrayLength() > 0);
        Assert.Contains(citations.EnumerateArray(), c => c.GetProperty("path").GetString()!.StartsWith("gpus/", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Event == "text");
        var final = events[^1];
        Assert.Equal("final", final.Event);
        Assert.Equal("Extractive", final.Data.GetProperty("mode").GetString());
        var disclaimer = final.Data.GetProperty("disclaimer").GetString()!;
        Assert.Contains(disclaimer, string.Concat(events.Where(e => e.Event == "text").Select(e => e.Data.GetProperty("text").GetString())));

        await using var chat = await ChatHubClient.ConnectAsync(_server.HttpUrl, "eddie");
        await chat.JoinAsync("alpha");
        var question = await chat.SendAsync("alpha", "@copilot how do I request a GPU?");
        Assert.True(await chat.SeesAsync(c => c.Messages.Values.Any(m =>
            m.Author == ChatBots.Copilot && m.ReplyTo == question.Id && m.State == ChatMessageState.Complete)), _server.Log);
        var reply = chat.Read(c => c.Messages.Values.Single(m => m.Author == ChatBots.Copilot && m.ReplyTo == question.Id));
        Assert.Contains("**Sources**", reply.Body);
        Assert.Contains("gpus/", reply.Body);
        Assert.Contains(disclaimer, reply.Body);

        // A paste addressed to the copilot is stored redacted: the secret never reaches chat history.
        const string secret = "Sup3rS3cretPassw0rd";
        var paste = await chat.SendAsync("alpha", $"@copilot my job fails\n```\nDB_PASSWORD={secret}\nBack-off restarting failed container train\n```");
        Assert.DoesNotContain(secret, paste.Body);
        Assert.True(await chat.SeesAsync(c => c.Messages.Values.Any(m =>
            m.Author == ChatBots.Copilot && m.ReplyTo == paste.Id && m.State == ChatMessageState.Complete)), _server.Log);
        var history = await chat.AllHistoryAsync("alpha", 50);
        Assert.DoesNotContain(history, m => m.Body.Contains(secret));
    }

    [Fact]
    public async Task Hub_stream_gives_the_same_answer_as_sse()
    {
        Assert.True(await Eventually.HoldsAsync(() => File.Exists(Path.Combine(_server.DataDirectory, "index", "CURRENT")),
            TimeSpan.FromSeconds(120)), _server.Log);
        var sse = await AskAsync("olivia", "How do I use a MIG slice?");
        await using var hub = new HubConnectionBuilder()
            .WithUrl($"{_server.HttpUrl}/hubs/collab", o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestTokens.For("olivia")))
            .Build();
        await hub.StartAsync();
        var streamed = new List<CopilotWireEvent>();
        await foreach (var e in hub.StreamAsync<CopilotWireEvent>("AskCopilot", "alpha", "How do I use a MIG slice?", null)) streamed.Add(e);

        Assert.Equal(sse.Select(e => e.Event), streamed.Select(e => e.Type));
        Assert.Equal(sse.Single(e => e.Event == "citations").Data.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("reference").GetString()),
            streamed.Single(e => e.Type == "citations").Citations!.Select(c => c.Reference));
        await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<CopilotWireEvent>("AskCopilot", "beta", "anything", null)) { }
        });
    }

    [Fact]
    public async Task The_asker_can_retry_and_others_cannot()
    {
        await using var olivia = await ChatHubClient.ConnectAsync(_server.HttpUrl, "olivia");
        await using var eddie = await ChatHubClient.ConnectAsync(_server.HttpUrl, "eddie");
        await olivia.JoinAsync("alpha");
        await eddie.JoinAsync("alpha");
        var question = await olivia.SendAsync("alpha", "@copilot Dockerfile with CUDA 12.6 and PyTorch");
        Assert.True(await olivia.SeesAsync(c => c.Messages.Values.Count(m => m.ReplyTo == question.Id && m.State == ChatMessageState.Complete) == 1));
        var first = olivia.Read(c => c.Messages.Values.Single(m => m.ReplyTo == question.Id));

        // Finished answers are no longer running: there is nothing to stop.
        Assert.False(await olivia.Connection.InvokeAsync<bool>("StopCopilot", "alpha", first.Id));
        await Assert.ThrowsAsync<HubException>(() => eddie.Connection.InvokeAsync("RetryCopilot", "alpha", question.Id));
        await olivia.Connection.InvokeAsync("RetryCopilot", "alpha", question.Id);

        Assert.True(await eddie.SeesAsync(c => c.Messages.Values.Count(m => m.ReplyTo == question.Id && m.State == ChatMessageState.Complete) == 2));
        Assert.All(eddie.Read(c => c.Messages.Values.Where(m => m.ReplyTo == question.Id).ToList()), m => Assert.Contains("```dockerfile", m.Body));
    }

    [Fact]
    public async Task Asking_too_fast_is_refused_with_a_clear_message()
    {
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4 && refused is null; i++)
        {
            using var client = _server.Client(TestTokens.For("vera"));
            var response = await client.PostAsJsonAsync("/api/copilot/ask", new { projectId = "alpha", question = "what is MIG?" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else await response.Content.ReadAsStringAsync();
        }
        Assert.NotNull(refused);
        Assert.Contains("Copilot:RateLimit", await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Non_members_cannot_ask_about_a_project()
    {
        using var client = _server.Client(TestTokens.For("nora"));
        var response = await client.PostAsJsonAsync("/api/copilot/ask", new { projectId = "alpha", question = "what is MIG?" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<List<(string Event, JsonElement Data)>> AskAsync(string user, string question)
    {
        using var client = _server.Client(TestTokens.For(user));
        using var response = await client.PostAsJsonAsync("/api/copilot/ask", new { projectId = "alpha", question });
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string, JsonElement)>();
        string? name = null;
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..].Trim();
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add((name!, JsonDocument.Parse(line[6..]).RootElement.Clone()));
        }
        return events;
    }
}
