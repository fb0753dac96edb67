using System.Net.Http.Json;
using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Chat;

/// <summary>Full-text search over the hub and REST: plain words, and a pasted error message.</summary>
[Trait("Needs", "Server")]
public sealed class ChatSearchTests : IAsyncLifetime
{
    private const string Project = "chat-search";
    private const string PastedError =
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 79.15 GiB total capacity; 78.50 GiB already allocated)";
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer();
        await _server.CreateProjectAsync("alice", Project);
        await _server.CreateProjectAsync("mallory", "elsewhere");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Search_finds_messages_by_words_and_by_a_pasted_error()
    {
        await using var alice = await ChatHubClient.ConnectAsync(_server.HttpUrl, "alice");
        var oom = await alice.SendAsync(Project, $"My training job fails with\n```\nTraceback (most recent call last):\n{PastedError}\n```");
        var quota = await alice.SendAsync(Project, "How large is the **GPU quota** per project?");
        await alice.SendAsync(Project, "lunch?");
        await using var mallory = await ChatHubClient.ConnectAsync(_server.HttpUrl, "mallory");
        await mallory.SendAsync("elsewhere", PastedError);

        var byWords = await alice.Connection.InvokeAsync<List<ChatMessage>>("SearchChat", Project, "gpu QUOTA", null);
        Assert.Equal([quota.Id], byWords.Select(m => m.Id));
        var byError = await alice.Connection.InvokeAsync<List<ChatMessage>>("SearchChat", Project, PastedError, null);
        Assert.Equal([oom.Id], byError.Select(m => m.Id));

        using var http = _server.Client(TestTokens.For("alice"));
        var rest = await http.GetFromJsonAsync<List<ChatMessage>>($"/api/projects/{Project}/chat/search?q={Uri.EscapeDataString(PastedError)}");
        Assert.Equal([oom.Id], rest!.Select(m => m.Id));
        var empty = await http.GetAsync($"/api/projects/{Project}/chat/search?q=%20");
        Assert.Equal(400, (int)empty.StatusCode);
    }
}
