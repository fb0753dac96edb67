using Collab.Server.Storage.Sqlite;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Storage;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TestSqlite _file = new("sqlite");

    protected override Task CreateStoreAsync()
    {
        var db = _file.Database;
        Documents = new SqliteDocumentStore(db);
        Notebooks = new SqliteNotebookStore(db);
        Projects = new SqliteProjectStore(db);
        Maintenance = new SqliteStoreMaintenance(db);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
