using System.Net;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Collab.Server.Tests.Execution.ExecutionFixture;

namespace Collab.Server.Tests.Execution;

/// <summary>
/// Cells run on a real Jupyter Server's ipykernel, and what comes back is written into the shared
/// notebook: every member sees it live, whoever asked and whether or not they stayed.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Jupyter")]
[Trait("Needs", "Server")]
public sealed class SharedKernelTests(ExecutionFixture fixture) : IClassFixture<ExecutionFixture>
{
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(60);

    // A 1x1 PNG.
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public async Task Every_kind_of_output_reaches_every_member()
    {
        await fixture.CreateAsync("kinds.ipynb",
            "import sys\nprint('hello')\nprint('oops', file=sys.stderr)\n6 * 7",
            $"from IPython.display import display\ndisplay({{'image/png': '{Png}', 'text/plain': '<img>'}}, raw=True)",
            "from IPython.display import HTML, display\ndisplay(HTML('<table><tr><td>1</td></tr></table>'))",
            "from IPython.display import display\nh = display('first', display_id=True)\nh.update('second')",
            "from IPython.display import clear_output\nprint('gone')\nclear_output(wait=True)\nprint('kept')",
            "1 / 0");
        await using var alice = await fixture.JoinAsync("alice", "kinds.ipynb");
        await using var bob = await fixture.JoinAsync("bob", "kinds.ipynb");

        var queued = await RunAsync(alice, "kinds.ipynb", "all");

        Assert.Equal(["c0", "c1", "c2", "c3", "c4", "c5"], queued);
        Assert.True(await Eventually.HoldsAsync(() => Finished(bob, "c5"), Run), fixture.Jupyter.Log);
        var c0 = Cell(bob, "c0");
        Assert.Equal("hello\n", StreamText(c0));
        Assert.Equal("oops\n", StreamText(c0, "stderr"));
        var result = Outputs(c0).Single(o => (string?)o["output_type"] == "execute_result");
        Assert.Equal("42", (string?)result["data"]!["text/plain"]);
        Assert.Equal((long?)c0["execution_count"], (long?)result["execution_count"]);
        Assert.Equal(Png, (string?)Outputs(Cell(bob, "c1")).Single()["data"]!["image/png"]);
        Assert.Contains("<table>", (string?)Outputs(Cell(bob, "c2")).Single()["data"]!["text/html"]);
        Assert.Equal("'second'", (string?)Outputs(Cell(bob, "c3")).Single()["data"]!["text/plain"]);
        Assert.Equal("kept\n", StreamText(Cell(bob, "c4")));
        var error = Outputs(Cell(bob, "c5")).Single();
        Assert.Equal("ZeroDivisionError", (string?)error["ename"]);
        Assert.NotEmpty(error["traceback"]!.AsArray());
        var counts = new[] { "c0", "c1", "c2", "c3", "c4", "c5" }.Select(id => (long?)Cell(bob, id)["execution_count"]).ToList();
        Assert.Equal(counts.Order().ToList(), counts);
        Assert.Equal(6, counts.Distinct().Count());
        Assert.True(await Eventually.HoldsAsync(() => Status(bob) == "idle"));
        Assert.Equal(Cell(alice, "c4").ToJsonString(), Cell(bob, "c4").ToJsonString());
    }

    [Fact]
    public async Task An_error_stops_the_rest_of_the_queue()
    {
        await fixture.CreateAsync("stop.ipynb", "raise ValueError('no')", "print('never')");
        await using var alice = await fixture.JoinAsync("alice", "stop.ipynb");

        await RunAsync(alice, "stop.ipynb", "all");

        Assert.True(await Eventually.HoldsAsync(() => Finished(alice, "c0") && (string?)Cell(alice, "c1")["execution_state"] == "idle", Run));
        Assert.Empty(Outputs(Cell(alice, "c1")));
        Assert.Null(Cell(alice, "c1")["execution_count"]);
    }

    [Fact]
    public async Task Runs_are_counted_by_outcome_for_the_alerts()
    {
        var url = fixture.Server.HttpUrl;
        async Task<double> Cells(string outcome) => await MetricValue.ReadAsync(url, "collab_execution_cells_total", $"outcome=\"{outcome}\"");
        var (ok, error) = (await Cells("ok"), await Cells("error"));
        await fixture.CreateAsync("counted.ipynb", "1 + 1", "raise ValueError('counted')", "print('never')");
        await using var alice = await fixture.JoinAsync("alice", "counted.ipynb");

        await RunAsync(alice, "counted.ipynb", "all");

        Assert.True(await Eventually.HoldsAsync(() => Finished(alice, "c1") && (string?)Cell(alice, "c2")["execution_state"] == "idle", Run));
        // Other tests share this server: expect at least this test's runs (the third cell was dropped, not run).
        Assert.True(await Eventually.HoldsAsync(async () => await Cells("ok") >= ok + 1 && await Cells("error") >= error + 1));
        Assert.True(await MetricValue.ReadAsync(url, "collab_execution_kernels") >= 1);
    }

    [Fact]
    public async Task Interrupt_stops_a_long_loop_and_the_kernel_carries_on()
    {
        await fixture.CreateAsync("loop.ipynb", "import time\nfor i in range(600):\n    print(i, flush=True)\n    time.sleep(0.1)", "print('after')");
        await using var alice = await fixture.JoinAsync("alice", "loop.ipynb");
        await RunAsync(alice, "loop.ipynb", "cells", "c0");
        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(alice, "c0")).Contains("3\n"), Run));

        await alice.Connection.InvokeAsync("InterruptKernel", Project, "loop.ipynb");

        Assert.True(await Eventually.HoldsAsync(() => Finished(alice, "c0"), Run));
        Assert.Contains(Outputs(Cell(alice, "c0")), o => (string?)o["ename"] == "KeyboardInterrupt");
        await RunAsync(alice, "loop.ipynb", "cells", "c1");
        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(alice, "c1")) == "after\n", Run));
    }

    [Fact]
    public async Task Restart_forgets_the_kernels_variables()
    {
        await fixture.CreateAsync("restart.ipynb", "x = 41", "print(x + 1)");
        await using var alice = await fixture.JoinAsync("alice", "restart.ipynb");
        await RunAsync(alice, "restart.ipynb", "cells", "c0", "c1");
        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(alice, "c1")) == "42\n", Run));

        await alice.Connection.InvokeAsync("RestartKernel", Project, "restart.ipynb");
        await RunAsync(alice, "restart.ipynb", "cells", "c1");

        Assert.True(await Eventually.HoldsAsync(() => Outputs(Cell(alice, "c1")).Any(o => (string?)o["ename"] == "NameError"), Run));
    }

    [Fact]
    public async Task A_run_goes_on_after_the_member_who_started_it_leaves()
    {
        await fixture.CreateAsync("leave.ipynb", "import time\ntime.sleep(1.5)\nprint('finished')");
        await using var alice = await fixture.JoinAsync("alice", "leave.ipynb");
        var bob = await fixture.JoinAsync("bob", "leave.ipynb");

        await RunAsync(bob, "leave.ipynb", "cells", "c0");
        await bob.DisposeAsync();

        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(alice, "c0")) == "finished\n", Run));
        var export = await fixture.Server.ExportAsync("alice", Project, "leave.ipynb");
        Assert.Equal("finished\n", (string?)export["cells"]![0]!["outputs"]![0]!["text"]);
    }

    [Fact]
    public async Task Two_members_queueing_at_once_both_get_their_runs_in_one_kernel()
    {
        var sources = Enumerable.Range(0, 8).Select(i => $"import time\ntime.sleep(0.05)\nseen = globals().setdefault('seen', [])\nseen.append({i})\nprint(len(seen))").ToArray();
        await fixture.CreateAsync("both.ipynb", sources);
        await using var alice = await fixture.JoinAsync("alice", "both.ipynb");
        await using var bob = await fixture.JoinAsync("bob", "both.ipynb");

        await Task.WhenAll(
            RunAsync(alice, "both.ipynb", "cells", "c0", "c2", "c4", "c6"),
            RunAsync(bob, "both.ipynb", "cells", "c1", "c3", "c5", "c7"));

        var ids = Enumerable.Range(0, 8).Select(i => $"c{i}").ToList();
        Assert.True(await Eventually.HoldsAsync(() => ids.All(id => Finished(alice, id) && Finished(bob, id)), Run));
        // One kernel ran all eight, one after another: the list grew to 8, each run saw a different length.
        var lengths = ids.Select(id => StreamText(Cell(bob, id)).Trim()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(n => n.ToString()).Order().ToList(), lengths);
    }

    [Fact]
    public async Task Viewers_see_runs_but_can_start_none()
    {
        await fixture.CreateAsync("view.ipynb", "print('x')");
        await using var vera = await fixture.JoinAsync("vera", "view.ipynb");

        var refused = await Assert.ThrowsAsync<HubException>(() => RunAsync(vera, "view.ipynb", "all"));
        Assert.Contains("[forbidden]", refused.Message);
        await Assert.ThrowsAsync<HubException>(() => vera.Connection.InvokeAsync("RestartKernel", Project, "view.ipynb"));
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.RunOverRestAsync("vera", "view.ipynb", "all")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await fixture.RunOverRestAsync("alice", "view.ipynb", "all")).StatusCode);
        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(vera, "c0")) == "x\n", Run));
    }

    [Fact]
    public async Task Input_gets_a_clear_answer_instead_of_hanging()
    {
        await fixture.CreateAsync("input.ipynb", "name = input('Your name? ')");
        await using var alice = await fixture.JoinAsync("alice", "input.ipynb");

        await RunAsync(alice, "input.ipynb", "all");

        Assert.True(await Eventually.HoldsAsync(() => Finished(alice, "c0"), Run));
        Assert.Contains("not supported in shared notebooks", (string?)Outputs(Cell(alice, "c0")).Single()["evalue"]);
    }

    [Fact]
    public async Task Output_past_the_cap_is_dropped_with_a_note_and_the_run_finishes()
    {
        await fixture.CreateAsync("flood.ipynb", "for i in range(20000):\n    print('x' * 40)\nprint('end')");
        await using var alice = await fixture.JoinAsync("alice", "flood.ipynb");

        await RunAsync(alice, "flood.ipynb", "all");

        Assert.True(await Eventually.HoldsAsync(() => Finished(alice, "c0"), Run));
        var cell = Cell(alice, "c0");
        Assert.True(StreamText(cell).Length <= MaxOutputBytes);
        Assert.Contains("Output truncated", StreamText(cell, "stderr"));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_reason()
    {
        await fixture.CreateAsync("bad.ipynb", "print(1)");
        await using var alice = await fixture.JoinAsync("alice", "bad.ipynb");

        Assert.Contains("[invalid]", (await Assert.ThrowsAsync<HubException>(() => RunAsync(alice, "bad.ipynb", "sideways", "c0"))).Message);
        Assert.Contains("[not_found]", (await Assert.ThrowsAsync<HubException>(() => RunAsync(alice, "bad.ipynb", "cells", "nope"))).Message);
        Assert.Contains("[not_found]", (await Assert.ThrowsAsync<HubException>(() => RunAsync(alice, "missing.ipynb", "all"))).Message);
        Assert.Contains("[invalid]", (await Assert.ThrowsAsync<HubException>(
            () => alice.Connection.InvokeAsync("ChangeKernel", Project, "bad.ipynb", "no-such-kernel"))).Message);
        var kernels = await alice.Connection.InvokeAsync<JsonObject>("ListKernels", Project);
        Assert.Contains(kernels["kernels"]!.AsArray(), k => (string?)k!["name"] == "python3");
    }

    [Fact]
    public async Task A_stock_yjs_client_on_y_websocket_sees_the_output_grow()
    {
        await fixture.CreateAsync("ws.ipynb", "import time\nfor i in range(4):\n    print(f'line {i}', flush=True)\n    time.sleep(0.4)");

        var result = await NodeScript.RunAsync("execution-observer.mjs", new JsonObject
        {
            ["url"] = fixture.Server.WsUrl,
            ["httpUrl"] = fixture.Server.HttpUrl,
            ["project"] = Project,
            ["doc"] = "ws.ipynb",
            ["token"] = TestTokens.For("bob"),
            ["cellId"] = "c0",
            ["until"] = "line 3",
        }, TimeSpan.FromSeconds(90));

        Assert.Null(result["error"]);
        var views = result["views"]!.AsArray().Select(v => (string?)v).ToList();
        Assert.True(views.Count >= 2, $"the output arrived in one piece: {result}");
        Assert.Equal("line 0\nline 1\nline 2\nline 3\n", views[^1]);
        Assert.NotNull(result["executionCount"]);
    }

    [Fact]
    public async Task A_project_holds_at_most_its_share_of_kernels_and_a_shut_down_kernel_frees_its_slot()
    {
        var settings = fixture.Jupyter.Settings;
        settings["Jupyter:MaxKernelsPerProject"] = "1";
        await using var server = new InProcessServer(settings);
        await server.CreateProjectAsync("alice", "slots");
        await server.CreateNotebookAsync("alice", "slots", "one.ipynb", Notebook("x = 1"));
        await server.CreateNotebookAsync("alice", "slots", "two.ipynb", Notebook("print('two')"));
        await using var one = await HubDocClient.JoinAsync(server, TestTokens.For("alice"), "slots", "one.ipynb");
        await using var two = await HubDocClient.JoinAsync(server, TestTokens.For("alice"), "slots", "two.ipynb");
        await one.Connection.InvokeAsync<string[]>("RunCells", "slots", "one.ipynb", "all", Array.Empty<string>());
        Assert.True(await Eventually.HoldsAsync(() => Finished(one, "c0"), Run));

        var refused = await Assert.ThrowsAsync<HubException>(
            () => two.Connection.InvokeAsync<string[]>("RunCells", "slots", "two.ipynb", "all", Array.Empty<string>()));
        Assert.Contains("[conflict]", refused.Message);
        Assert.Contains("Jupyter:MaxKernelsPerProject", refused.Message);

        await one.Connection.InvokeAsync("ShutdownKernel", "slots", "one.ipynb");
        Assert.True(await Eventually.HoldsAsync(() => Status(one) == "none"));
        await two.Connection.InvokeAsync<string[]>("RunCells", "slots", "two.ipynb", "all", Array.Empty<string>());
        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(two, "c0")) == "two\n", Run));
    }
}
