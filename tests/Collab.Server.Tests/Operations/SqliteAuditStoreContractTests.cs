using Collab.Server.Storage.Sqlite;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

public sealed class SqliteAuditStoreContractTests : AuditStoreContractTests
{
    private readonly TestSqlite _file = new("audit");
    private SqliteDatabase _db = null!;

    protected override Task CreateStoreAsync()
    {
        _db = _file.Database;
        Audit = new SqliteAuditStore(_db);
        Projects = new SqliteProjectStore(_db);
        Maintenance = new SqliteStoreMaintenance(_db);
        Schema = new SqliteAuditSchema(_db);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = await _db.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> CountAsync(string sql)
    {
        await using var connection = await _db.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public override Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
