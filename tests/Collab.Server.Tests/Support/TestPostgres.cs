using Npgsql;

namespace Collab.Server.Tests.Support;

/// <summary>
/// A fresh, empty database on the throwaway PostgreSQL that <c>./test.sh</c> starts
/// (<c>COLLAB_TEST_PG</c>). Without it the PostgreSQL tests fail loudly rather than skip.
/// </summary>
public static class TestPostgres
{
    public static string Server =>
        Environment.GetEnvironmentVariable("COLLAB_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "COLLAB_TEST_PG is not set: run the PostgreSQL tests through ./test.sh (it starts a throwaway PostgreSQL), " +
                "or `. scripts/test-services.sh && start_test_services` first.");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = true }.ConnectionString;
    }
}
