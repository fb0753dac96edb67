using System.Net.WebSockets;
using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;

namespace Collab.LoadBench;

/// <summary>
/// The y-websocket wire protocol as the stock client speaks it (sync step 1/2, updates), for
/// Collab's <c>/yjs</c> endpoint and <c>@y/websocket-server</c>. With <see cref="HocuspocusDocument"/>
/// set, every message is prefixed with the document name and opened with a token message, as the
/// Hocuspocus provider does. Acks are not part of this protocol: only fan-out latency is measured.
/// </summary>
public sealed class YWebSocketClient(Uri url, IEditingDoc doc, LatencyRecorder recorder, string? hocuspocusDocument = null) : IBenchClient
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _send = new(1, 1);

    public async Task ConnectAsync(CancellationToken ct)
    {
        await _socket.ConnectAsync(url, ct);
        if (hocuspocusDocument is not null) await SendAsync(w => { w.WriteVarUint(2UL); w.WriteVarUint(0UL); w.WriteVarString("bench"); }, ct);
        await SendAsync(w => { w.WriteVarUint(0UL); w.WriteVarUint((ulong)SyncProtocol.MessageYjsSyncStep1); w.WriteVarUint8Array(doc.StateVector()); }, ct);
        _ = ReceiveLoopAsync(ct);
    }

    public async Task EditAsync(CancellationToken ct)
    {
        var update = doc.Edit(out _);
        if (update is null) return;
        await SendAsync(w => { w.WriteVarUint(0UL); w.WriteVarUint((ulong)SyncProtocol.MessageYjsUpdate); w.WriteVarUint8Array(update); }, ct);
    }

    public Task CloseAsync() => _socket.State == WebSocketState.Open
        ? _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None)
        : Task.CompletedTask;

    private async Task SendAsync(Action<Lib0Writer> write, CancellationToken ct)
    {
        var writer = new Lib0Writer();
        if (hocuspocusDocument is not null) writer.WriteVarString(hocuspocusDocument);
        write(writer);
        await _send.WaitAsync(ct);
        try { await _socket.SendAsync(writer.ToArray(), WebSocketMessageType.Binary, true, ct); }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { recorder.Error(); }
        finally { _send.Release(); }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        // Small until a bigger frame arrives: the idle-capacity run holds 10,000 of these.
        var buffer = new byte[16 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), ct);
                    if (result.MessageType == WebSocketMessageType.Close) return;
                    length += result.Count;
                } while (!result.EndOfMessage);
                await HandleAsync(buffer[..length], ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { }
    }

    private async Task HandleAsync(byte[] frame, CancellationToken ct)
    {
        var reader = new Lib0Reader(frame);
        if (hocuspocusDocument is not null) reader.ReadVarString();
        var type = reader.ReadVarUint();
        if (type is not (0UL or 4UL)) return; // sync (4: Hocuspocus' sync reply); awareness and acks are not measured
        var sync = SyncProtocol.Read(reader);
        switch (sync.Type)
        {
            case SyncProtocol.MessageYjsSyncStep1:
                var diff = doc.Diff(sync.Payload);
                await SendAsync(w => { w.WriteVarUint(0UL); w.WriteVarUint((ulong)SyncProtocol.MessageYjsSyncStep2); w.WriteVarUint8Array(diff); }, ct);
                break;
            default:
                recorder.Frame();
                doc.ApplyRemote(sync.Payload);
                break;
        }
    }
}
