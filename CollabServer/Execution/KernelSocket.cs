using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Collab.Server.Execution;

/// <summary>
/// One WebSocket to a kernel's channels (Jupyter Server's JSON protocol: each text frame is a
/// message with a <c>channel</c> field). Binary frames (messages with buffers, used by widgets)
/// and messages over the size cap are skipped.
/// </summary>
public sealed class KernelSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly int _maxMessageBytes;

    private KernelSocket(int maxMessageBytes) => _maxMessageBytes = maxMessageBytes;

    public static async Task<KernelSocket> ConnectAsync(Uri uri, string? token, int maxMessageBytes, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new KernelSocket(maxMessageBytes);
        if (!string.IsNullOrEmpty(token)) socket._socket.Options.SetRequestHeader("Authorization", $"token {token}");
        socket._socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await socket._socket.ConnectAsync(uri, limit.Token);
            return socket;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            await socket.DisposeAsync();
            throw new JupyterUnavailableException($"Could not connect to the kernel ({ex.Message}).", ex);
        }
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public async Task SendAsync(JsonObject message, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        catch (WebSocketException ex)
        {
            throw new JupyterUnavailableException($"The kernel connection was lost ({ex.Message}).", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next message, or null when the socket closed.</summary>
    public async Task<JsonObject?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            var skip = false;
            WebSocketReceiveResult result;
            do
            {
                try
                {
                    result = await _socket.ReceiveAsync(buffer, ct);
                }
                catch (WebSocketException)
                {
                    return null;
                }
                if (result.MessageType == WebSocketMessageType.Close) return null;
                if (result.MessageType == WebSocketMessageType.Binary || message.Length + result.Count > _maxMessageBytes) skip = true;
                if (!skip) message.Write(buffer, 0, result.Count);
            } while (!result.EndOfMessage);
            if (skip) continue;
            try
            {
                if (JsonNode.Parse(message.ToArray()) is JsonObject parsed) return parsed;
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a message this client understands; the next one may be.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
