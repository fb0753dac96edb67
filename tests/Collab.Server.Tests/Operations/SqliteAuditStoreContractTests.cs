using Collab.Server.Storage.Sqlite;

namespace Collab.Server.Tests.Operations;

public sealed class SqliteAuditStoreContractTests : AuditStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collab-audit-").FullName;
    private SqliteDatabase _db = null!;

    protected override Task CreateStoreAsync()
    {
        _db = new SqliteDatabase(Path.Combine(_directory, "collab.db"));
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
