using Collab.Server.Chat;
using Collab.Server.Hubs;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// The .NET SignalR client as a chat panel would use it: a view of the project's messages built
/// from <c>JoinChat</c>'s answer plus the events, where repeats are merged by message id and chunk
/// offset (events that arrive while <c>JoinChat</c> is in flight are held and applied after it).
/// </summary>
public sealed class ChatHubClient : IAsyncDisposable
{
    private readonly object _gate = new();
    private List<Action>? _held;

    private ChatHubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }
    public Dictionary<long, ChatMessage> Messages { get; } = new();
    public List<ChatMessage> MentionEvents { get; } = new();
    public List<ChatTyping> TypingEvents { get; } = new();
    public List<ChatReadMarker> ReadMarkerEvents { get; } = new();
    public List<ChatChunk> ChunkEvents { get; } = new();
    /// <summary>Chunks that started past the end of the local copy: something was missed.</summary>
    public int Gaps { get; private set; }

    public static async Task<ChatHubClient> ConnectAsync(string baseUrl, string user, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/hubs/collab", o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestTokens.For(user)));
        if (messagePack) builder.AddMessagePackProtocol();
        var client = new ChatHubClient(builder.Build());
        client.Listen();
        await client.Connection.StartAsync();
        return client;
    }

    public async Task<ChatJoinResult> JoinAsync(string projectId)
    {
        lock (_gate) _held = new List<Action>();
        var joined = await Connection.InvokeAsync<ChatJoinResult>("JoinChat", projectId);
        lock (_gate)
        {
            foreach (var message in joined.History.Messages) Messages[message.Id] = message;
            foreach (var apply in _held!) apply();
            _held = null;
        }
        return joined;
    }

    public Task<ChatMessage> SendAsync(string projectId, string body, long? replyTo = null, NotebookCellRef? cell = null) =>
        Connection.InvokeAsync<ChatMessage>("SendChatMessage", projectId, new ChatMessageDraft(body, replyTo, cell));

    /// <summary>Every message of the project, oldest first, paged backwards <paramref name="pageSize"/> at a time.</summary>
    public async Task<List<ChatMessage>> AllHistoryAsync(string projectId, int pageSize)
    {
        var all = new List<ChatMessage>();
        long? before = null;
        do
        {
            var page = await Connection.InvokeAsync<ChatPage>("GetChatHistory", projectId, before, pageSize);
            Assert.True(page.Messages.Count <= pageSize);
            all.InsertRange(0, page.Messages);
            before = page.Before;
        } while (before is not null);
        return all;
    }

    public T Read<T>(Func<ChatHubClient, T> read)
    {
        lock (_gate) return read(this);
    }

    public Task<bool> SeesAsync(Func<ChatHubClient, bool> condition) => Eventually.HoldsAsync(() => Read(condition));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Listen()
    {
        Connection.On<ChatMessage>(ChatHubEvents.ChatMessage, m => Apply(() => Messages.TryAdd(m.Id, m)));
        Connection.On<ChatMessage>(ChatHubEvents.ChatMessageEdited, m => Apply(() => Replace(m)));
        Connection.On<ChatMessage>(ChatHubEvents.ChatMessageDeleted, m => Apply(() => Replace(m)));
        Connection.On<ChatMessage>(ChatHubEvents.ChatMessageClosed, m => Apply(() => Replace(m)));
        Connection.On<ChatChunk>(ChatHubEvents.ChatChunk, c => Apply(() => AppendChunk(c)));
        Connection.On<ChatMessage>(ChatHubEvents.Mention, m => Apply(() => MentionEvents.Add(m)));
        Connection.On<ChatTyping>(ChatHubEvents.Typing, t => Apply(() => TypingEvents.Add(t)));
        Connection.On<ChatReadMarker>(ChatHubEvents.ReadMarker, r => Apply(() => ReadMarkerEvents.Add(r)));
    }

    private void Apply(Action apply)
    {
        lock (_gate)
        {
            if (_held is not null) _held.Add(apply);
            else apply();
        }
    }

    private void Replace(ChatMessage message)
    {
        // A later edit, a tombstone or the closed message wins over what is held.
        if (!Messages.TryGetValue(message.Id, out var held) || message.IsDeleted || !held.IsDeleted) Messages[message.Id] = message;
    }

    private void AppendChunk(ChatChunk chunk)
    {
        ChunkEvents.Add(chunk);
        if (!Messages.TryGetValue(chunk.MessageId, out var message) || message.State != ChatMessageState.Streaming) return;
        var length = message.Body.Length;
        if (chunk.Offset > length) { Gaps++; return; }
        if (chunk.Offset + chunk.Text.Length <= length) return; // already in the copy from history
        Messages[chunk.MessageId] = message with { Body = message.Body + chunk.Text[(length - chunk.Offset)..] };
    }
}
