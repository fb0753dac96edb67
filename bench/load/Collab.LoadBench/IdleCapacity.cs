namespace Collab.LoadBench;

/// <summary>
/// Opens N y-websocket connections spread over the rooms, leaves them idle, and reads the server's
/// memory growth: what each idle connection costs.
/// </summary>
public static class IdleCapacity
{
    public static async Task<string> MeasureAsync(string name, ServerUnderTest server, int connections, int rooms, Func<int, IEditingDoc, IBenchClient> create)
    {
        var recorder = new LatencyRecorder(16);
        var before = server.RssBytes();
        var clients = Enumerable.Range(0, connections)
            .Select(i => create(i % rooms, new EditingDoc($"idle-{i}", new RunWriters(), recorder))).ToList();
        using var cts = new CancellationTokenSource();
        var failed = 0;
        foreach (var chunk in clients.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(async c =>
            {
                try { await c.ConnectAsync(cts.Token); }
                catch (Exception) { Interlocked.Increment(ref failed); }
            }));
        }
        await Task.Delay(TimeSpan.FromSeconds(10)); // let the server settle (joins, first GCs)
        var after = server.RssBytes();
        var peak = server.PeakRssBytes();
        await Task.WhenAll(clients.Select(c => c.CloseAsync().ContinueWith(_ => { })));
        cts.Cancel();
        var open = connections - failed;
        return $"idle {name,-26} connections={open} failed={failed} rss_mb={after / 1048576.0:F0} peak_mb={peak / 1048576.0:F0} " +
               $"kb_per_connection={(after - before) / 1024.0 / Math.Max(1, open):F1}";
    }
}
