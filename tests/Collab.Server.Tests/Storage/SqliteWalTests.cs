using Collab.Server.Storage;
using Collab.Server.Storage.Sqlite;

namespace Collab.Server.Tests.Storage;

/// <summary>The embedded store's write-ahead log under writes that never pause.</summary>
public sealed class SqliteWalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collab-sqlite-wal-").FullName;

    // 64,000 appends, as it takes thousands of commits to show the WAL starting over: a minute on two cores.
    [Fact, Trait("Needs", "Minutes")]
    public async Task The_WAL_starts_over_while_appends_never_pause()
    {
        var path = Path.Combine(_directory, "collab.db");
        const long MaxWalBytes = 1 << 20;
        var db = new SqliteDatabase(path, maxWalBytes: MaxWalBytes);
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        var store = new SqliteDocumentStore(db);
        var update = new byte[512];

        // Eight documents appending back to back keep the writer busy for thousands of commits:
        // never one moment in which a checkpoint beside it could catch up with the WAL's end.
        const int Documents = 8, AppendsEach = 8000;
        await Task.WhenAll(Enumerable.Range(0, Documents).Select(d => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsEach; i++) await store.AppendAsync(new DocumentKey("p", $"doc-{d}"), [update]);
        })));

        // Every commit writes a page or more: a WAL never started over would hold them all (about
        // 80 MiB here). Started over at 1 MiB, it holds that plus what comes in until the next
        // side checkpoint notices: a few MiB, 16 when the rest of the suite runs beside it.
        var walBytes = new FileInfo(path + "-wal").Length;
        Assert.True(walBytes < 40 * MaxWalBytes, $"the WAL grew to {walBytes >> 20} MiB over {Documents * AppendsEach} appends");
        for (var d = 0; d < Documents; d++)
            Assert.Equal(AppendsEach, (await store.LoadAsync(new DocumentKey("p", $"doc-{d}"))).Log.Count);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
