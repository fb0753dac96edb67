using System.Diagnostics;

namespace Collab.LoadBench;

/// <summary>
/// One server setup under one client kind: connects R×C clients, drives them at rate U, reports.
/// Map workload: every client writes and every other client of the room measures. Text workload:
/// client 0 of each room is the observer, the other C−1 write.
/// </summary>
public sealed record Scenario(string Name, IReadOnlyList<ServerUnderTest> Servers, Func<int, int, IEditingDoc, LatencyRecorder, IBenchClient> CreateClient)
{
    public async Task<ScenarioResult> RunAsync(LoadSettings load)
    {
        var capacity = (long)(load.Rooms * load.Clients * load.Rate * (load.Seconds + 5) * 1.5) + 1000;
        if (load.Text && capacity > TextWriterDoc.MaxEditId)
            throw new ArgumentException($"--workload text numbers edits with 7 digits: {load} could send up to {capacity}; use fewer rooms, clients, edits/s or seconds");
        var recorder = new LatencyRecorder((int)capacity);
        var rssBefore = Servers.Sum(s => s.RssBytes());
        // Keys are unique to this run: a server reused from the previous one still holds that one's edits.
        var run = Guid.NewGuid().ToString("N")[..8];
        var writers = new RunWriters();
        var clients = new List<IBenchClient>();
        for (var r = 0; r < load.Rooms; r++)
            for (var c = 0; c < load.Clients; c++)
            {
                IEditingDoc doc = !load.Text ? new EditingDoc($"{run}-c{c}", writers, recorder)
                    : c == 0 ? new TextObserverDoc($"t-{run}", recorder)
                    : new TextWriterDoc($"t-{run}", recorder, seed: r * load.Clients + c);
                clients.Add(CreateClient(r, c, doc, recorder));
            }
        using var cts = new CancellationTokenSource();
        foreach (var chunk in clients.Chunk(50)) await Task.WhenAll(chunk.Select(c => c.ConnectAsync(cts.Token)));
        await Task.Delay(1000);

        var cpuBefore = Servers.Sum(s => s.CpuSeconds());
        var allocatedBefore = await AllocatedBytesAsync();
        var generatorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var deliveredBefore = recorder.Delivered;
        var period = TimeSpan.FromSeconds(1 / load.Rate);
        var random = new Random(42);
        await Task.WhenAll(clients.Select(async client =>
        {
            var next = TimeSpan.FromMilliseconds(random.NextDouble() * period.TotalMilliseconds);
            while (next < TimeSpan.FromSeconds(load.Seconds))
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                await client.EditAsync(cts.Token);
                next += period;
            }
        }));
        await Task.Delay(2000); // let the last fan-out arrive
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = Servers.Sum(s => s.CpuSeconds()) - cpuBefore;
        var allocated = await AllocatedBytesAsync() - allocatedBefore;
        var generatorCpu = (Process.GetCurrentProcess().TotalProcessorTime - generatorCpuBefore).TotalSeconds;
        var rssAfter = Servers.Sum(s => s.RssBytes());
        var peak = Servers.Sum(s => s.PeakRssBytes());
        var delivered = recorder.Delivered - deliveredBefore;
        await Task.WhenAll(clients.Select(c => c.CloseAsync()));
        cts.Cancel();
        var fanOut = recorder.FanOut();
        // Who sees each edit: every other client (map), or the room's one observer (text).
        var receivers = load.Text ? 1 : Math.Max(1, load.Clients - 1);
        var expected = recorder.Sent * receivers;
        return new ScenarioResult(Name, load.Rate, recorder.Sent, fanOut.Count / (double)Math.Max(1, expected), Math.Max(0, expected - fanOut.Count),
            fanOut.Count / (double)receivers / elapsed, delivered / elapsed, fanOut, recorder.Acks(), recorder.Errors,
            cpu / elapsed * 100, generatorCpu / elapsed * 100, peak / 1048576.0, (rssAfter - rssBefore) / 1048576.0 / load.Rooms,
            cpu / Math.Max(1, recorder.Sent) * 1000, allocated / Math.Max(1, recorder.Sent));
    }

    /// <summary>Bytes the servers allocated so far; null unless every one of them reports it.</summary>
    private async Task<double?> AllocatedBytesAsync()
    {
        double total = 0;
        foreach (var server in Servers)
        {
            if (await server.AllocatedBytesAsync() is not { } bytes) return null;
            total += bytes;
        }
        return total;
    }
}
