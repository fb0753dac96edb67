using System.Net.Http.Json;
using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Copilot;

/// <summary>
/// As shipped (<c>Copilot:Docs:IndexOnFirstSearch</c>, not at start), a server holds no docs index
/// until the copilot's first docs search; that first question waits for the first snapshot and is
/// answered from it, not with "no passages".
/// </summary>
[Trait("Needs", "Server")]
public sealed class DocsIndexOnFirstSearchTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    private string CurrentSnapshotFile => Path.Combine(_server.DataDirectory, "index", "CURRENT");

    public async Task InitializeAsync()
    {
        _server = new InProcessServer(new Dictionary<string, string>
        {
            ["Copilot:Docs:Path"] = Path.Combine(RepoPaths.Root, "docs-corpus"),
            ["Copilot:Docs:IndexOnFirstSearch"] = "true", // test servers leave it off unless asked
        });
        await _server.CreateProjectAsync("olivia", "alpha");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_first_question_builds_the_index_and_is_answered_from_it()
    {
        Assert.False(File.Exists(CurrentSnapshotFile), "the index was built before anyone asked");

        using var client = _server.Client(TestTokens.For("olivia"));
        using var response = await client.PostAsJsonAsync("/api/copilot/ask", new { projectId = "alpha", question = "How do I request a GPU?" });
        response.EnsureSuccessStatusCode();
        var citations = (await response.Content.ReadAsStringAsync()).Split('\n')
            .SkipWhile(line => line.Trim() != "event: citations").Skip(1).First();
        var cited = JsonDocument.Parse(citations["data: ".Length..]).RootElement.GetProperty("citations").EnumerateArray()
            .Select(c => c.GetProperty("path").GetString()!).ToList();

        Assert.Contains(cited, path => path.StartsWith("gpus/", StringComparison.Ordinal));
        Assert.True(File.Exists(CurrentSnapshotFile), _server.Log);
    }
}
