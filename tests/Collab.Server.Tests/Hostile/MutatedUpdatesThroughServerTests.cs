using System.Net.WebSockets;
using Collab.Crdt;
using Collab.Crdt.Encoding;
using Collab.Crdt.Types;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// Mutated real updates sent through the server (not only the decoder) by an editor over
/// y-websocket, while another editor works: the server stays up, the honest edits all land, and
/// what the server stored loads in a fresh client and after a restart. The count is
/// <c>COLLAB_HOSTILE_UPDATES</c> (default 3,000; the long mode is 1000000).
/// A server process, as the test kills and restarts it.
/// </summary>
[Trait("Needs", "Server")]
public sealed class MutatedUpdatesThroughServerTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Limits:UpdatesPerSecond"] = "1000000",
            ["Limits:UpdateBurst"] = "1000000",
            ["Limits:MaxDocumentBytes"] = "16777216",
        });
        await _server.CreateProjectAsync("alice", "fuzz");
        await _server.AddMemberAsync("alice", "fuzz", "mallory", "editor");
        await _server.CreateNotebookAsync("alice", "fuzz", "nb.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Mutated_updates_never_take_the_server_or_the_document_down()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("COLLAB_HOSTILE_UPDATES"), out var n) ? n : 3_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("COLLAB_HOSTILE_SEED"), out var s) ? s : 1234;
        var rng = new Random(seed);
        await using var alice = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "fuzz", "nb.ipynb");
        var seeds = SeedUpdates(alice.Read(doc => doc.EncodeStateAsUpdate()), rng);

        using var mallory = await YSocket.ConnectAsync(_server, TestTokens.For("mallory"), "fuzz", "nb.ipynb");
        var drain = Task.Run(async () =>
        {
            try { await mallory.ReceiveUntilAsync(_ => false, TimeSpan.FromHours(2)); }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { }
        });
        var honest = 0;
        for (int i = 0; i < count && mallory.Socket.State == WebSocketState.Open; i++)
        {
            await mallory.SendUpdateAsync(Mutate(rng, seeds[rng.Next(seeds.Count)], seeds[rng.Next(seeds.Count)]));
            if (i % 500 == 0)
            {
                var mark = honest++;
                alice.Edit(doc => doc.GetMap("state").Set($"honest{mark}", mark));
                await alice.FlushAsync();
            }
        }
        Assert.True(mallory.Socket.State == WebSocketState.Open, $"the attacker was dropped: {mallory.Socket.CloseStatus} {mallory.Socket.CloseStatusDescription}");
        Assert.True(_server.IsRunning);

        var before = await _server.ExportAsync("alice", "fuzz", "nb.ipynb");
        await using (var fresh = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "fuzz", "nb.ipynb"))
        {
            for (int k = 0; k < honest; k++) Assert.Equal((long)k, Convert.ToInt64(fresh.Read(doc => doc.GetMap("state").Get($"honest{k}"))));
        }
        mallory.Socket.Abort();
        await drain;
        await _server.KillAsync();
        await _server.StartAsync();
        Assert.True(JsonCompare.Same(before, await _server.ExportAsync("alice", "fuzz", "nb.ipynb")));
    }

    /// <summary>Real notebook edits of another client, as the updates it would send.</summary>
    private static List<byte[]> SeedUpdates(byte[] serverState, Random rng)
    {
        var author = new Doc(new DocOptions { ClientId = 777 });
        author.ApplyUpdate(serverState);
        var updates = new List<byte[]>();
        author.UpdateV1 += (_, e) => updates.Add(e.Update);
        for (int i = 0; i < 40; i++)
        {
            var cells = author.GetArray("cells");
            switch (rng.Next(4))
            {
                case 0: NotebookEdits.InsertCodeCell(author, rng.Next(cells.Length + 1), $"x = {i}"); break;
                case 1 when cells.Length > 0: ((YText)((YMap)cells.Get(rng.Next(cells.Length))!).Get("source")!).Insert(0, "# edit\n"); break;
                case 2 when cells.Length > 1: cells.Delete(rng.Next(cells.Length)); break;
                default: author.GetMap("meta").Set("k" + i, new YMap()); break;
            }
        }
        return updates;
    }

    private static byte[] Mutate(Random rng, byte[] input, byte[] other)
    {
        var bytes = new List<byte>(input);
        for (int m = rng.Next(1, 4); m > 0; m--)
        {
            switch (rng.Next(5))
            {
                case 0 when bytes.Count > 0: bytes[rng.Next(bytes.Count)] ^= (byte)(1 << rng.Next(8)); break;
                case 1 when bytes.Count > 0: bytes[rng.Next(bytes.Count)] = (byte)rng.Next(256); break;
                case 2 when bytes.Count > 2:
                    var at = rng.Next(bytes.Count - 1);
                    bytes.RemoveRange(at, 1 + rng.Next(Math.Min(8, bytes.Count - at - 1)));
                    break;
                case 3: bytes.InsertRange(rng.Next(bytes.Count + 1), other.Skip(rng.Next(Math.Max(1, other.Length))).Take(rng.Next(1, 16))); break;
                default: bytes.Insert(rng.Next(bytes.Count + 1), (byte)rng.Next(256)); break;
            }
        }
        return bytes.ToArray();
    }
}
