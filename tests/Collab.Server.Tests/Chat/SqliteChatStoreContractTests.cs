using Collab.Server.Storage.Sqlite;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Chat;

public sealed class SqliteChatStoreContractTests : ChatStoreContractTests
{
    private readonly TestSqlite _file = new("chat-sqlite");

    protected override Task CreateStoreAsync()
    {
        var db = _file.Database;
        Chat = new SqliteChatStore(db);
        Projects = new SqliteProjectStore(db);
        Maintenance = new SqliteStoreMaintenance(db);
        ChatSchema = new SqliteChatSchema(db);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
