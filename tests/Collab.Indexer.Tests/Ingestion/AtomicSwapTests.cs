using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Ingestion;

[Trait("Needs", "Corpus")]
public class AtomicSwapTests : IDisposable
{
    private const int Files = 12;
    private readonly TempFolder _docs = new();
    private readonly TempFolder _index = new();

    public void Dispose()
    {
        _docs.Dispose();
        _index.Dispose();
    }

    private void WriteGeneration(int generation)
    {
        for (var i = 0; i < Files; i++)
            _docs.Write($"page{i:00}.md", $"# Page {i}\n\nmarker text of generation{generation} for page {i}.");
    }

    [Fact]
    public async Task A_reader_during_reindexing_sees_the_old_or_the_new_index_never_a_mix()
    {
        WriteGeneration(0);
        using var host = new IndexerHost(_index.Path);
        await host.Builder.BuildAsync(_docs.Path);

        using var stop = new CancellationTokenSource();
        var observed = new HashSet<string>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var hits = await host.Retriever.SearchAsync("marker", 50);
                Assert.Equal(Files, hits.Count);
                var generations = hits.Select(h => h.Text.Split(' ').Single(w => w.StartsWith("generation"))).Distinct().ToList();
                var generation = Assert.Single(generations);
                lock (observed) observed.Add(generation);
            }
        });

        for (var generation = 1; generation <= 6; generation++)
        {
            WriteGeneration(generation);
            var summary = await host.Builder.BuildAsync(_docs.Path);
            Assert.Equal(Files, summary.Updated);
        }
        // The reader runs until it has seen the last generation (a poll, not a fixed wait that a slow machine outruns).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!reader.IsCompleted && DateTime.UtcNow < deadline)
        {
            lock (observed) if (observed.Contains("generation6")) break;
            await Task.Delay(10);
        }
        stop.Cancel();
        await reader;

        Assert.Contains("generation6", observed);
        var latest = await host.Retriever.SearchAsync("marker", 50);
        Assert.All(latest, h => Assert.Contains("generation6", h.Text));
    }

    [Fact]
    public async Task Old_snapshots_are_pruned_keeping_the_live_one_and_its_predecessor()
    {
        using var host = new IndexerHost(_index.Path);
        for (var generation = 0; generation < 4; generation++)
        {
            WriteGeneration(generation);
            await host.Builder.BuildAsync(_docs.Path);
        }
        Assert.Equal(2, Directory.GetDirectories(_index.Combine("snapshots")).Length);
    }

    [Fact]
    public async Task Nothing_is_found_before_the_first_build()
    {
        using var host = new IndexerHost(_index.Path);
        Assert.Empty(await host.Retriever.SearchAsync("anything", 5));
    }
}
