using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cluster;

/// <summary>
/// A half-configured cluster does not start, and says which key is missing.
/// </summary>
[Trait("Needs", "Server")]
public sealed class ClusterConfigurationTests
{
    [Theory]
    [InlineData("Clustered", null, "Redis:Configuration is not set")]
    [InlineData("Single", "127.0.0.1:1", "Cluster:Mode is Single")]
    public async Task Start_is_refused_with_a_message_naming_the_key(string mode, string? redis, string expected)
    {
        var settings = new Dictionary<string, string> { ["Cluster:Mode"] = mode };
        if (redis is not null) settings["Redis:Configuration"] = redis;
        Assert.Contains(expected, await InProcessServer.RefusedStartAsync(settings));
    }

    [Fact]
    public async Task Clustered_mode_without_PostgreSQL_is_refused()
    {
        var settings = new Dictionary<string, string> { ["Cluster:Mode"] = "Clustered", ["Redis:Configuration"] = "127.0.0.1:1" };
        Assert.Contains("ConnectionStrings:Postgres is not set", await InProcessServer.RefusedStartAsync(settings));
    }
}
