using Collab.Server.Chat;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Chat;

/// <summary>SIGKILL while messages are in flight, restart: every acknowledged message is still there.</summary>
public abstract class ChatRestartTests : IAsyncLifetime
{
    private const string Project = "chat-restart";
    private ServerProcess _server = null!;

    protected abstract Task<string?> PostgresAsync();

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(await PostgresAsync(),
            new Dictionary<string, string> { ["Chat:MessagesPerSecond"] = "1000", ["Chat:MessageBurst"] = "1000" });
        await _server.CreateProjectAsync("alice", Project);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Acknowledged_messages_survive_SIGKILL_and_restart()
    {
        var acked = new List<ChatMessage>();
        await using (var alice = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice", messagePack: true))
        {
            await alice.JoinAsync(Project);
            for (var i = 0; i < 40; i++) acked.Add(await alice.SendAsync(Project, $"durable {i}"));
            // More in flight when the process dies: these may or may not have been stored.
            var inFlight = Enumerable.Range(0, 20).Select(i => alice.SendAsync(Project, $"in flight {i}")).ToList();
            await _server.KillAsync();
            foreach (var send in inFlight)
            {
                try { acked.Add(await send); }
                catch (Exception) { } // not acknowledged: allowed to be lost
            }
        }
        await _server.StartAsync();

        await using var reader = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice");
        await reader.JoinAsync(Project);
        var history = await reader.AllHistoryAsync(Project, pageSize: 200);
        var stored = history.ToDictionary(m => m.Id);
        Assert.All(acked, m => Assert.Equal(m.Body, stored[m.Id].Body));
    }
}

[Trait("Needs", "Server")]
public sealed class SqliteChatRestartTests : ChatRestartTests
{
    protected override Task<string?> PostgresAsync() => Task.FromResult<string?>(null);
}

[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class PostgresChatRestartTests : ChatRestartTests
{
    protected override async Task<string?> PostgresAsync() => await TestPostgres.CreateDatabaseAsync("e2e_chat_restart");
}
