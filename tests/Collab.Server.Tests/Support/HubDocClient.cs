using Collab.Crdt;
using Collab.Server.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Server.Tests.Support;

/// <summary>
/// The .NET SignalR client as an app would write it: a local Doc kept in sync with one room.
/// Local edits are sent as they happen; <see cref="FlushAsync"/> waits for every ack.
/// </summary>
public sealed class HubDocClient : IAsyncDisposable
{
    private static readonly object Remote = new();
    private readonly List<Task> _sends = new();
    private readonly HubConnection _connection;
    private readonly string _project;
    private readonly string _docName;

    private HubDocClient(HubConnection connection, string project, string docName)
    {
        _connection = connection;
        _project = project;
        _docName = docName;
    }

    public Doc Doc { get; } = NotebookEdits.NewNotebookDoc();
    public HubConnection Connection => _connection;
    public string Role { get; private set; } = "";
    public List<byte[]> AwarenessReceived { get; } = new();

    public static HubConnection Connect(ITestServer server, string token, bool messagePack)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl($"{server.HttpUrl}/hubs/collab", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithStatefulReconnect();
        if (messagePack) builder.AddMessagePackProtocol();
        return builder.Build();
    }

    public static async Task<HubDocClient> JoinAsync(ITestServer server, string token, string project, string docName, bool messagePack = false)
    {
        var client = new HubDocClient(Connect(server, token, messagePack), project, docName);
        await client.StartAsync();
        return client;
    }

    private async Task StartAsync()
    {
        _connection.On<string, string, byte[]>(CollabHub.ReceiveUpdate, (_, _, update) =>
        {
            lock (Doc) Doc.ApplyUpdate(update, Remote);
        });
        _connection.On<string, string, byte[]>(CollabHub.ReceiveAwareness, (_, _, update) =>
        {
            lock (AwarenessReceived) AwarenessReceived.Add(update);
        });
        await _connection.StartAsync();
        byte[] stateVector;
        lock (Doc) stateVector = Doc.EncodeStateVector();
        var joined = await _connection.InvokeAsync<JoinRoomResult>("JoinRoom", _project, _docName, stateVector);
        Role = joined.Role;
        lock (Doc)
        {
            Doc.ApplyUpdate(joined.Update, Remote);
            Doc.UpdateV1 += (_, e) =>
            {
                if (e.Origin == Remote) return;
                lock (_sends) _sends.Add(_connection.InvokeAsync("SendUpdate", _project, _docName, e.Update));
            };
        }
    }

    public void Edit(Action<Doc> edit)
    {
        lock (Doc) Doc.Transact(_ => edit(Doc));
    }

    public T Read<T>(Func<Doc, T> read)
    {
        lock (Doc) return read(Doc);
    }

    /// <summary>Waits until every update sent so far was acknowledged (persisted) by the server.</summary>
    public async Task FlushAsync()
    {
        Task[] pending;
        lock (_sends) pending = _sends.ToArray();
        await Task.WhenAll(pending);
    }

    public Task SendRawAsync(byte[] update) => _connection.InvokeAsync("SendUpdate", _project, _docName, update);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
