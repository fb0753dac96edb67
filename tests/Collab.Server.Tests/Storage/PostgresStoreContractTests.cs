using Collab.Server.Storage.Postgres;
using Collab.Server.Tests.Support;
using Npgsql;

namespace Collab.Server.Tests.Storage;

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

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
