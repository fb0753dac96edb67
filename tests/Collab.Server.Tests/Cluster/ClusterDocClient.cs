using Collab.Crdt;
using Collab.Server.Chat;
using Collab.Server.Hubs;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Cluster;

/// <summary>
/// A client that survives the loss of its node, as a client behind a load balancer would: each
/// edit (a token pushed to the root array <c>log</c>) waits for its ack; when a call fails it
/// rejoins (on the same node, or on the next one when its connection is gone) and sends
/// everything the server lacks, which acknowledges what was pending. Optionally chats too.
/// </summary>
public sealed class ClusterDocClient : IAsyncDisposable
{
    private static readonly object Remote = new();
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyList<ServerProcess> _nodes;
    private readonly string _user;
    private readonly string _project;
    private readonly string _docName;
    private readonly bool _chat;
    private readonly List<string> _pending = new();
    private HubConnection? _connection;
    private byte[]? _lastLocalUpdate;

    private ClusterDocClient(IReadOnlyList<ServerProcess> nodes, int nodeIndex, string user, string project, string docName, bool chat)
    {
        _nodes = nodes;
        NodeIndex = nodeIndex;
        _user = user;
        _project = project;
        _docName = docName;
        _chat = chat;
        Doc.UpdateV1 += (_, e) => { if (e.Origin != Remote) _lastLocalUpdate = e.Update; };
    }

    public string Name => $"{_user}@{NodeIndex}";
    public int NodeIndex { get; private set; }
    public Doc Doc { get; } = NotebookEdits.NewNotebookDoc();
    public HashSet<string> Acked { get; } = new();
    public List<string> ChatAcked { get; } = new();
    public List<string> ChatSeen { get; } = new();
    public List<string> Errors { get; } = new();
    public int Rejoins { get; private set; }

    public static async Task<ClusterDocClient> StartAsync(IReadOnlyList<ServerProcess> nodes, int nodeIndex, string user,
        string project, string docName, bool chat = false)
    {
        var client = new ClusterDocClient(nodes, nodeIndex, user, project, docName, chat);
        await client.RecoverAsync();
        client.Rejoins = 0;
        return client;
    }

    /// <summary>Pushes <paramref name="token"/> and waits for the ack, recovering if the call fails.</summary>
    public async Task EditAsync(string token)
    {
        byte[] update;
        lock (Doc)
        {
            Doc.GetArray("log").Push(token);
            update = _lastLocalUpdate!;
            _pending.Add(token);
        }
        try
        {
            await _connection!.InvokeAsync("SendUpdate", _project, _docName, update);
            lock (Doc)
            {
                Acked.Add(token);
                _pending.Remove(token);
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
            await RecoverAsync();
        }
    }

    /// <summary>Posts a chat message; counts it only when the server acknowledged it.</summary>
    public async Task SendChatAsync(string body)
    {
        try
        {
            await _connection!.InvokeAsync<ChatMessage>("SendChatMessage", _project, new ChatMessageDraft(body));
            lock (ChatAcked) ChatAcked.Add(body);
        }
        catch (Exception ex)
        {
            Fail(ex); // the next edit recovers the connection
        }
    }

    public HashSet<string> Tokens()
    {
        lock (Doc) return Doc.GetArray("log").ToArray().Select(v => (string)v!).ToHashSet();
    }

    public Task<T> InvokeAsync<T>(string method, params object?[] args) => _connection!.InvokeCoreAsync<T>(method, args);

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Fail(Exception ex)
    {
        lock (Errors) Errors.Add($"{ex.GetType().Name}: {ex.Message}");
    }

    private async Task RecoverAsync()
    {
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        while (true)
        {
            try
            {
                if (_connection?.State != HubConnectionState.Connected) await ConnectAsync();
                await JoinAsync();
                Rejoins++;
                return;
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline)
            {
                Fail(ex);
                if (_connection?.State != HubConnectionState.Connected) NodeIndex = (NodeIndex + 1) % _nodes.Count;
                await Task.Delay(250);
            }
        }
    }

    private async Task ConnectAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl($"{_nodes[NodeIndex].HttpUrl}/hubs/collab", o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestTokens.For(_user)))
            .Build();
        connection.On<string, string, byte[]>(CollabHub.ReceiveUpdate, (_, _, update) =>
        {
            lock (Doc) Doc.ApplyUpdate(update, Remote);
        });
        connection.On<ChatMessage>(ChatHubEvents.ChatMessage, m =>
        {
            lock (ChatSeen) ChatSeen.Add(m.Body);
        });
        _connection = connection;
        await connection.StartAsync();
    }

    /// <summary>Sync step 1 and 2 both ways; pushing what the server lacks acknowledges every pending edit.</summary>
    private async Task JoinAsync()
    {
        byte[] stateVector;
        lock (Doc) stateVector = Doc.EncodeStateVector();
        var joined = await _connection!.InvokeAsync<JoinRoomResult>("JoinRoom", _project, _docName, stateVector);
        byte[] missing;
        List<string> pending;
        lock (Doc)
        {
            Doc.ApplyUpdate(joined.Update, Remote);
            missing = Doc.EncodeStateAsUpdate(joined.StateVector);
            pending = _pending.ToList();
        }
        if (missing.Length > 2) await _connection!.InvokeAsync("SendUpdate", _project, _docName, missing);
        lock (Doc)
        {
            foreach (var token in pending)
            {
                Acked.Add(token);
                _pending.Remove(token);
            }
        }
        if (_chat) await _connection!.InvokeAsync<ChatJoinResult>("JoinChat", _project);
    }
}
