using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// A bad import limit stops the server at start with the key named, rather than disabling the
/// bound; without a configured backup key, the one the server makes is readable by its owner only.
/// </summary>
[Trait("Needs", "Server")]
public sealed class ImportSettingsTests
{
    [Theory]
    [InlineData("Backup:SigningKey", "c2hvcnQ=")]
    [InlineData("Backup:MaxEntries", "70000")]
    [InlineData("Backup:MaxUnpackedBytes", "0")]
    [InlineData("Backup:MaxCompressionRatio", "0")]
    [InlineData("Notebooks:MaxCells", "0")]
    [InlineData("Notebooks:MaxParts", "10")]
    public async Task A_bad_value_stops_the_server_naming_the_key(string key, string value)
    {
        Assert.Contains(key, await InProcessServer.RefusedStartAsync(new Dictionary<string, string> { [key] = value }));
    }

    [Fact]
    public async Task Without_a_configured_key_the_backup_key_file_is_private()
    {
        if (OperatingSystem.IsWindows()) return; // no Unix modes there
        await using var server = new InProcessServer();
        await server.CreateProjectAsync("olivia", "keyed");
        using var olivia = server.Client(TestTokens.For("olivia"));
        (await olivia.GetAsync("/api/projects/keyed/backup")).EnsureSuccessStatusCode();

        var mode = File.GetUnixFileMode(Path.Combine(server.DataDirectory, "backup-signing-key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }
}
