using Collab.Server.Storage;
using Collab.Server.Storage.Postgres;
using Collab.Server.Tests.Support;
using Npgsql;

namespace Collab.Server.Tests.Storage;

[Trait("Needs", "Postgres")]
public sealed class PostgresStoreContractTests : StoreContractTests
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task CreateStoreAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync("store_contract"));
        Documents = new PostgresDocumentStore(_dataSource);
        Notebooks = new PostgresNotebookStore(_dataSource);
        Projects = new PostgresProjectStore(_dataSource);
        Maintenance = new PostgresStoreMaintenance(_dataSource);
    }

    [Fact]
    public async Task Two_nodes_batching_appends_to_the_same_documents_neither_deadlock_nor_break_the_chains()
    {
        // A second store on the same database stands for a second node. Each groups its queued
        // appends into one transaction, and the two walk the documents in opposite orders.
        var otherNode = new PostgresDocumentStore(_dataSource!);
        var keys = Enumerable.Range(0, 12).Select(d => new DocumentKey("p1", $"shared-{d}.ipynb")).ToList();
        var appends = Enumerable.Range(0, 6).SelectMany(round =>
            keys.Select(async k => (Key: k, Range: await Documents.AppendAsync(k, [[(byte)round]])))
                .Concat(Enumerable.Reverse(keys).Select(async k => (Key: k, Range: await otherNode.AppendAsync(k, [[(byte)round], [(byte)(round + 100)]])))))
            .ToList();
        var results = await Task.WhenAll(appends);

        foreach (var key in keys)
        {
            var chain = results.Where(r => r.Key == key).Select(r => r.Range).OrderBy(r => r.LastSeq).ToList();
            Assert.Equal(0, chain[0].PreviousSeq);
            for (var i = 1; i < chain.Count; i++) Assert.Equal(chain[i - 1].LastSeq, chain[i].PreviousSeq);
            var stored = await Documents.LoadAsync(key);
            Assert.Equal(6 * 3, stored.Log.Count);
            Assert.Equal(chain[^1].LastSeq, stored.Log[^1].Seq);
        }
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
