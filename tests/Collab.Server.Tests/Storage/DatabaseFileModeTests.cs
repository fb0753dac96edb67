using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Storage;

/// <summary>
/// collab.db and its -wal/-shm files are readable by the server's user only (0600), like the signing key; wider modes are narrowed at start.
/// A server process: the test restarts the server on the same files.
/// </summary>
[Trait("Needs", "Server")]
public sealed class DatabaseFileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_database_files_are_owner_only_and_stay_so_after_a_restart()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var server = await ServerProcess.StartAsync();
        await server.CreateProjectAsync("olivia", "private");
        var db = Path.Combine(server.DataDirectory, "collab.db");
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
        }

        // As an earlier version left it.
        await server.KillAsync();
        File.SetUnixFileMode(db, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(db + "-wal", OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await server.StartAsync();
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(db));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(db + "-wal"));
    }
}
