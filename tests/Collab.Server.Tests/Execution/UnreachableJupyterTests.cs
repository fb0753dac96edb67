using System.Net;
using Collab.Server.Tests.Support;
using static Collab.Server.Tests.Execution.ExecutionFixture;

namespace Collab.Server.Tests.Execution;

/// <summary>
/// A Jupyter server that is down, or none at all: a clear message, never a stuck cell. The first
/// test counts on a server process: it reads exact counts from <c>/metrics</c>, which in process
/// can show the instruments of another in-process server (see <see cref="ExecutionFixture"/>).
/// </summary>
[Trait("Needs", "Server")]
public sealed class UnreachableJupyterTests
{
    [Fact]
    public async Task A_jupyter_server_that_is_down_shows_why_in_the_notebook_and_frees_the_cell()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Jupyter:Url"] = $"http://127.0.0.1:{FreePort.Next()}/",
            ["Jupyter:Token"] = "unused",
        });
        await server.CreateProjectAsync("alice", Project);
        await server.CreateNotebookAsync("alice", Project, "down.ipynb", Notebook("print(1)", "print(2)"));
        await using var alice = await HubDocClient.JoinAsync(server, TestTokens.For("alice"), Project, "down.ipynb");

        await RunAsync(alice, "down.ipynb", "all");

        Assert.True(await Eventually.HoldsAsync(() => Status(alice) == "unavailable"));
        Assert.Contains("not reachable", StatusMessage(alice));
        Assert.True(await Eventually.HoldsAsync(() => Finished(alice, "c0") && (string?)Cell(alice, "c1")["execution_state"] == "idle"),
            $"{Cell(alice, "c0")} {Cell(alice, "c1")}\n{server.Log}");
        Assert.Equal("KernelUnavailable", (string?)Outputs(Cell(alice, "c0")).Single()["ename"]);
        // What the CollabCellRunsFailing alert reads: the cell counted as failed, the dropped one not at all
        // (counted as the run ends, which may be just after the notebook shows it).
        Assert.True(await Eventually.HoldsAsync(async () =>
            await MetricValue.ReadAsync(server.HttpUrl, "collab_execution_cells_total", "outcome=\"failed\"") == 1
            && await MetricValue.ReadAsync(server.HttpUrl, "collab_execution_queue_depth") == 0));
        Assert.Equal(0, await MetricValue.ReadAsync(server.HttpUrl, "collab_execution_cells_total", "outcome=\"ok\""));
        Assert.Equal(1, await MetricValue.ReadAsync(server.HttpUrl, "collab_execution_kernels"));
    }

    [Fact]
    public async Task Without_a_jupyter_server_running_is_refused_as_not_set_up()
    {
        await using var server = new InProcessServer();
        await server.CreateProjectAsync("alice", Project);
        await server.CreateNotebookAsync("alice", Project, "none.ipynb", Notebook("print(1)"));
        using var client = server.Client(TestTokens.For("alice"));

        var response = await client.PostAsync($"/api/projects/{Project}/notebooks/none.ipynb/run",
            new StringContent("""{"mode":"all"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Jupyter:Url", await response.Content.ReadAsStringAsync());
    }
}
