using System.Net.WebSockets;
using Collab.Crdt.Encoding;

namespace Collab.Server.Tests.Support;

/// <summary>A hand-driven y-websocket connection: sends what a test makes, reads frames and the close.</summary>
internal sealed class YSocket : IDisposable
{
    public ClientWebSocket Socket { get; } = new();
    public string? LastError { get; private set; }

    public static async Task<YSocket> ConnectAsync(ITestServer server, string token, string project, string doc)
    {
        var y = new YSocket();
        await y.Socket.ConnectAsync(new Uri($"{server.WsUrl}/yjs/{project}/{doc}?access_token={token}"), CancellationToken.None);
        return y;
    }

    public Task SendUpdateAsync(byte[] update) => SendSyncAsync(2, update);

    public Task SendStep1Async(byte[] stateVector) => SendSyncAsync(0, stateVector);

    private async Task SendSyncAsync(ulong kind, byte[] payload)
    {
        var writer = new Lib0Writer();
        writer.WriteVarUint(0UL);
        writer.WriteVarUint(kind);
        writer.WriteVarUint8Array(payload);
        await Socket.SendAsync(writer.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
    }

    /// <summary>The reason of the next permission-denied frame; null if the socket closed first.</summary>
    public async Task<string?> NextDenialAsync(TimeSpan? within = null)
    {
        string? reason = null;
        await ReceiveUntilAsync(frame =>
        {
            if (frame.Length == 0 || frame[0] != 2) return false;
            var reader = new Lib0Reader(frame);
            reader.ReadVarUint();
            reader.ReadVarUint();
            reason = reader.ReadVarString();
            return true;
        }, within);
        return reason;
    }

    /// <summary>Reads until the server closes; the close status, or null when it did not close in time.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync(TimeSpan within)
    {
        try { await ReceiveUntilAsync(_ => false, within); }
        catch (OperationCanceledException) { return null; }
        catch (WebSocketException ex) { LastError = ex.Message; return Socket.CloseStatus; }
        return Socket.CloseStatus;
    }

    /// <summary>Reads frames until one matches (true) or the socket closes (false).</summary>
    public async Task<bool> ReceiveUntilAsync(Func<byte[], bool> match, TimeSpan? within = null)
    {
        var buffer = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        while (Socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await Socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            } while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Close) return false;
            if (match(message.ToArray())) return true;
        }
        return false;
    }

    public void Dispose() => Socket.Dispose();
}
