using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// <c>/metrics</c> carries the runtime's own meter besides Collab's: bench/load reads the bytes the
/// server allocated per edit from it, and an operator sees GC and thread-pool figures.
/// </summary>
[Trait("Needs", "Server")]
public sealed class RuntimeMetricsTests
{
    [Fact]
    public async Task Metrics_expose_the_bytes_the_runtime_allocated_and_its_collections()
    {
        await using var server = new InProcessServer();
        Assert.True(await MetricValue.ReadAsync(server.HttpUrl, "dotnet_gc_heap_total_allocated_bytes_total") > 0);
        using var http = new HttpClient();
        Assert.Contains("dotnet_gc_collections_total", await http.GetStringAsync($"{server.HttpUrl}/metrics"));
    }
}
