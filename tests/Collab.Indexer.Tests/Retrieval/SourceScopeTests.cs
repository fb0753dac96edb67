using Collab.Indexer.Retrieval;
using Collab.Indexer.Storage;
using Collab.Indexer.Tests.Support;
using Collab.Indexer.Vectors;

namespace Collab.Indexer.Tests.Retrieval;

/// <summary>
/// Documentation of two products, each in its own folder: a question word found only in one product's pages ("hub") keeps
/// the question with that product even when its other words fit the other product's page better. Folders too small to be a
/// product are left alone.
/// </summary>
public class SourceScopeTests : IAsyncLifetime
{
    /// <summary>Pages per product: enough for a folder to count as a source, and for one page's word to be no product's vocabulary.</summary>
    private const int PagesPerProduct = 24;

    private readonly TempFolder _docs = new();
    private readonly TempFolder _index = new();
    private IndexerHost _host = null!;

    public async Task InitializeAsync()
    {
        for (var i = 0; i < PagesPerProduct; i++)
        {
            _docs.Write($"hubdocs/page{i}.md", $"# Hub topic {i}\n\nThe hub spawns single-user servers for topic {i}.");
            _docs.Write($"queuedocs/page{i}.md", $"# Queue topic {i}\n\nThe queue admits workloads for topic {i}.");
        }
        _docs.Write("hubdocs/monitoring.md", "# Monitoring\n\nThe hub exposes Prometheus metrics.");
        _docs.Write("queuedocs/prometheus.md", "# Prometheus metrics\n\nThe controller exposes Prometheus metrics.");
        _host = new IndexerHost(_index.Path);
        await _host.Builder.BuildAsync(_docs.Path);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        _docs.Dispose();
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_word_only_one_product_uses_keeps_the_question_with_that_product()
    {
        const string question = "does the hub export prometheus metrics?";
        Assert.Equal("hubdocs/monitoring.md", (await SearchAsync(question, RankingWeights.Default))[0]);
        // Without the scope, the other product's page matches more of the words.
        Assert.Equal("queuedocs/prometheus.md", (await SearchAsync(question, RankingWeights.Default with { OutsideScope = 1 }))[0]);
    }

    [Fact]
    public async Task A_question_naming_no_product_is_ranked_as_before()
    {
        const string question = "prometheus metrics grafana dashboards";
        Assert.Equal(await SearchAsync(question, RankingWeights.Default with { OutsideScope = 1 }), await SearchAsync(question, RankingWeights.Default));
    }

    private async Task<List<string>> SearchAsync(string question, RankingWeights weights)
    {
        using var retriever = new DocumentRetriever(_host.Service<IndexSnapshotStore>(), _host.Service<IVectorStore>(), null, 0.25f, weights);
        return (await retriever.SearchAsync(question, 5)).Select(hit => hit.Path).ToList();
    }
}
