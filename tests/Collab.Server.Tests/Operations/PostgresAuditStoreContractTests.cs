using Collab.Server.Storage.Postgres;
using Collab.Server.Tests.Support;
using Npgsql;

namespace Collab.Server.Tests.Operations;

[Trait("Needs", "Postgres")]
public sealed class PostgresAuditStoreContractTests : AuditStoreContractTests
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task CreateStoreAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync("audit_contract"));
        Audit = new PostgresAuditStore(_dataSource);
        Projects = new PostgresProjectStore(_dataSource);
        Maintenance = new PostgresStoreMaintenance(_dataSource);
        Schema = new PostgresAuditSchema(_dataSource);
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var command = _dataSource!.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> CountAsync(string sql)
    {
        await using var command = _dataSource!.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
