using Collab.Server.Storage.Sqlite;

namespace Collab.Server.Tests.Chat;

public sealed class SqliteChatStoreContractTests : ChatStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collab-chat-sqlite-").FullName;

    protected override Task CreateStoreAsync()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "collab.db"));
        Chat = new SqliteChatStore(db);
        Projects = new SqliteProjectStore(db);
        Maintenance = new SqliteStoreMaintenance(db);
        ChatSchema = new SqliteChatSchema(db);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
