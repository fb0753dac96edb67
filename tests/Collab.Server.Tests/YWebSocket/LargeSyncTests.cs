using Collab.Crdt;
using Collab.Crdt.Encoding;
using Collab.Crdt.Types;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.YWebSocket;

/// <summary>
/// A document larger than the server's send fragments (64 KB) reaches a joining y-websocket client
/// as one sync step 2 whose bytes are the whole document, with ASCII text, other text and a large
/// output value (which the server keeps as it was encoded) as they were written.
/// </summary>
[Trait("Needs", "Server")]
public sealed class LargeSyncTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer();
        await _server.CreateProjectAsync("alice", "big");
        await _server.CreateNotebookAsync("alice", "big", "nb.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_large_document_arrives_whole_in_one_sync_message()
    {
        var source = new Doc(new DocOptions { ClientId = 41 });
        var code = string.Concat(Enumerable.Range(0, 8_000).Select(i => $"x_{i} = f({i})\n"));
        var output = string.Concat(Enumerable.Repeat("row\tvalue\n", 20_000));
        source.Transact(_ =>
        {
            var cell = new YMap();
            source.GetArray("cells").Push(cell);
            cell.Set("source", new YText(code + "# naïve ✓\n"));
            var outputs = new YArray();
            cell.Set("outputs", outputs);
            outputs.Push(new Dictionary<string, object?> { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = output });
        });
        var update = source.EncodeStateAsUpdate();
        Assert.True(update.Length > 300_000);
        using var writer = await YSocket.ConnectAsync(_server, TestTokens.For("alice"), "big", "nb.ipynb");
        await writer.SendUpdateAsync(update);

        // The update is applied while the writer's socket reads on: ask until a join sees it.
        Doc? received = null;
        for (var attempt = 0; attempt < 100 && received is null; attempt++)
        {
            using var reader = await YSocket.ConnectAsync(_server, TestTokens.For("alice"), "big", "nb.ipynb");
            await reader.SendStep1Async(new Doc().EncodeStateVector());
            byte[]? step2 = null;
            Assert.True(await reader.ReceiveUntilAsync(frame => (step2 = frame is [0, 1, ..] ? frame : null) is not null));
            var payload = new Lib0Reader(step2!);
            payload.ReadVarUint();
            payload.ReadVarUint();
            var doc = new Doc();
            doc.ApplyUpdate(payload.ReadVarUint8Array());
            if (doc.GetArray("cells").ToArray().OfType<YMap>().Any(c => c.ContainsKey("outputs"))) received = doc;
            else await Task.Delay(100);
        }

        Assert.NotNull(received);
        var got = received.GetArray("cells").ToArray().OfType<YMap>().Single(c => c.ContainsKey("outputs"));
        Assert.Equal(code + "# naïve ✓\n", got.Get("source")!.ToString());
        var stream = (Dictionary<string, object?>)((YArray)got.Get("outputs")!).Get(0)!;
        Assert.Equal(output, stream["text"]);
    }
}
