using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// A copilot reply whose writer is gone (the server crashed, the replica writing it stopped
/// renewing it) becomes <c>interrupted</c> with its partial text and a note, instead of streaming
/// forever; stop then answers "not streaming" consistently and retry asks again. A reply still
/// streaming but run by no live answer here can be stopped: the store is closed, so any writer stops.
/// The crash is a server process killed and started again on its data.
/// </summary>
[Trait("Needs", "Server")]
public sealed class InterruptedReplyTests
{
    private const string Project = "crashy";

    [Fact]
    public async Task After_a_crash_the_reply_is_interrupted_and_can_be_retried()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["Copilot:Docs:IndexOnStart"] = "false" });
        await server.CreateProjectAsync("olivia", Project);
        using var olivia = server.Client(TestTokens.For("olivia"));
        var question = await PostAsync(olivia, "a question the copilot was answering");
        await server.KillAsync();
        // What the crash left: a reply half written, still marked streaming.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "collab.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var insert = db.CreateCommand();
            insert.CommandText = """
                INSERT INTO chat_messages (project_id, author_id, body, created_at, reply_to, state, mentions)
                VALUES ($p, 'copilot', 'Partial answer', $t, $q, 'streaming', '')
                """;
            insert.Parameters.AddWithValue("$p", Project);
            insert.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$q", question);
            await insert.ExecuteNonQueryAsync();
        }
        await server.StartAsync();

        var reply = (await MessagesAsync(olivia)).Single(m => m.GetProperty("author").GetString() == ChatBots.Copilot);
        Assert.Equal("interrupted", reply.GetProperty("state").GetString());
        Assert.StartsWith("Partial answer", reply.GetProperty("body").GetString());
        Assert.Contains("Interrupted", reply.GetProperty("body").GetString());

        var stop = await olivia.PostAsync($"/api/projects/{Project}/copilot/replies/{reply.GetProperty("id").GetInt64()}/stop", null);
        Assert.Equal(HttpStatusCode.Conflict, stop.StatusCode);
        Assert.Contains("\"code\":\"conflict\"", await stop.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await olivia.PostAsync($"/api/projects/{Project}/copilot/questions/{question}/retry", null)).StatusCode);
        Assert.True(await Eventually.HoldsAsync(async () => (await MessagesAsync(olivia)).Any(m =>
            m.GetProperty("author").GetString() == ChatBots.Copilot && m.GetProperty("state").GetString() == "complete"), TimeSpan.FromSeconds(30)), server.Log);
    }

    [Fact]
    public async Task A_stream_nobody_renews_is_interrupted_while_live_ones_stream_on()
    {
        await using var server = new InProcessServer(new Dictionary<string, string> { ["Chat:StreamTimeoutSeconds"] = "4" });
        server.StartServer();
        using var olivia = server.Client(TestTokens.For("olivia"));
        (await olivia.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
        var question = await PostAsync(olivia, "two answers, please");
        var live = await server.Get<IChatBotWriter>().StartStreamingMessageAsync(Project, ChatBots.Copilot, question);
        // As another replica would leave it when killed: streaming, and renewed by nobody here.
        var orphan = (await server.Get<IChatStore>().AddAsync(new NewChatMessage(Project, ChatBots.Copilot, "Half", DateTimeOffset.UtcNow,
            question, null, ChatMessageState.Streaming, []), []))!;

        Assert.True(await Eventually.HoldsAsync(async () => await StateAsync(server, orphan.Id) == ChatMessageState.Interrupted, TimeSpan.FromSeconds(60)));
        // The live stream is older than the orphan, so unrenewed it would have gone first.
        Assert.Equal(ChatMessageState.Streaming, await StateAsync(server, live.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await olivia.PostAsync($"/api/projects/{Project}/copilot/replies/{orphan.Id}/stop", null)).StatusCode);
    }

    [Fact]
    public async Task A_reply_streaming_elsewhere_can_be_stopped_by_its_asker()
    {
        await using var server = new InProcessServer();
        server.StartServer();
        using var olivia = server.Client(TestTokens.For("olivia"));
        (await olivia.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
        (await olivia.PutAsJsonAsync($"/api/projects/{Project}/members/eddie", new { role = "editor" })).EnsureSuccessStatusCode();
        var question = await PostAsync(olivia, "a long answer");
        var remote = (await server.Get<IChatStore>().AddAsync(new NewChatMessage(Project, ChatBots.Copilot, "Streaming on another replica", DateTimeOffset.UtcNow,
            question, null, ChatMessageState.Streaming, []), []))!;

        using var eddie = server.Client(TestTokens.For("eddie"));
        Assert.Equal(HttpStatusCode.Forbidden, (await eddie.PostAsync($"/api/projects/{Project}/copilot/replies/{remote.Id}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await olivia.PostAsync($"/api/projects/{Project}/copilot/replies/{remote.Id}/stop", null)).StatusCode);
        var stopped = (await server.Get<IChatStore>().GetAsync(Project, remote.Id))!;
        Assert.Equal(ChatMessageState.Failed, stopped.State);
        Assert.Contains("Stopped by olivia", stopped.Body);
        // Its writer, wherever it is, finds the message closed at its next chunk.
        await Assert.ThrowsAsync<ChatException>(() => server.Get<IChatBotWriter>().AppendChunkAsync(Project, remote.Id, "more"));
    }

    private static async Task<long> PostAsync(HttpClient client, string body)
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<List<JsonElement>> MessagesAsync(HttpClient client)
    {
        var page = JsonDocument.Parse(await client.GetStringAsync($"/api/projects/{Project}/chat/messages")).RootElement;
        return page.GetProperty("messages").EnumerateArray().Select(m => m.Clone()).ToList();
    }

    private static async Task<ChatMessageState> StateAsync(InProcessServer server, long id) =>
        (await server.Get<IChatStore>().GetAsync(Project, id))!.State;
}
