using Collab.Server.Storage.Postgres;
using Collab.Server.Tests.Support;
using Npgsql;

namespace Collab.Server.Tests.Chat;

[Trait("Needs", "Postgres")]
public sealed class PostgresChatStoreContractTests : ChatStoreContractTests
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task CreateStoreAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync("chat_contract"));
        Chat = new PostgresChatStore(_dataSource);
        Projects = new PostgresProjectStore(_dataSource);
        Maintenance = new PostgresStoreMaintenance(_dataSource);
        ChatSchema = new PostgresChatSchema(_dataSource);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
