using Collab.Server.Storage.Sqlite;

namespace Collab.Server.Tests.Storage;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collab-sqlite-").FullName;

    protected override Task CreateStoreAsync()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "collab.db"));
        Documents = new SqliteDocumentStore(db);
        Notebooks = new SqliteNotebookStore(db);
        Projects = new SqliteProjectStore(db);
        Maintenance = new SqliteStoreMaintenance(db);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
