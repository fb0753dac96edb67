using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using static Collab.Server.Tests.Execution.ExecutionFixture;

namespace Collab.Server.Tests.Execution;

/// <summary>
/// A kernel lives no longer than its notebook: deleting the notebook, or its whole project, shuts
/// the kernel down on the Jupyter Server (its session is gone) instead of leaving it running until
/// it idles out.
/// </summary>
[Trait("Needs", "Jupyter")]
[Trait("Needs", "Server")]
public sealed class KernelLifetimeTests(ExecutionFixture fixture) : IClassFixture<ExecutionFixture>
{
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Deleting_a_notebook_shuts_its_kernel_down()
    {
        await StartKernelAsync(Project, "doomed.ipynb");

        using var alice = fixture.Server.Client(TestTokens.For("alice"));
        (await alice.DeleteAsync($"/api/projects/{Project}/notebooks/doomed.ipynb")).EnsureSuccessStatusCode();

        Assert.True(await GoneAsync(Project, "doomed.ipynb"), fixture.Jupyter.Log);
    }

    [Fact]
    public async Task Deleting_a_project_shuts_all_its_kernels_down()
    {
        await fixture.Server.CreateProjectAsync("alice", "doomed-project");
        await StartKernelAsync("doomed-project", "a.ipynb");
        await StartKernelAsync("doomed-project", "b.ipynb");
        await StartKernelAsync(Project, "survivor.ipynb");

        using var alice = fixture.Server.Client(TestTokens.For("alice"));
        (await alice.DeleteAsync("/api/projects/doomed-project")).EnsureSuccessStatusCode();

        Assert.True(await GoneAsync("doomed-project", "a.ipynb"), fixture.Jupyter.Log);
        Assert.True(await GoneAsync("doomed-project", "b.ipynb"), fixture.Jupyter.Log);
        Assert.Contains(await SessionPathsAsync(), p => p.EndsWith($"/{Project}/survivor.ipynb", StringComparison.Ordinal));
    }

    /// <summary>Creates the notebook, runs a cell and waits for its output: then its kernel runs on the Jupyter Server.</summary>
    private async Task StartKernelAsync(string project, string name)
    {
        await fixture.Server.CreateNotebookAsync("alice", project, name, Notebook("print('up')"));
        await using var client = await HubDocClient.JoinAsync(fixture.Server, TestTokens.For("alice"), project, name);
        await client.Connection.InvokeAsync<string[]>("RunCells", project, name, "all", Array.Empty<string>());
        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(client, "c0")) == "up\n", Run), fixture.Jupyter.Log);
        Assert.Contains(await SessionPathsAsync(), p => p.EndsWith($"/{project}/{name}", StringComparison.Ordinal));
    }

    private async Task<bool> GoneAsync(string project, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (!(await SessionPathsAsync()).Any(p => p.EndsWith($"/{project}/{name}", StringComparison.Ordinal))) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
    }

    /// <summary>The paths of the sessions the Jupyter Server has now.</summary>
    private async Task<List<string>> SessionPathsAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Jupyter.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", fixture.Jupyter.Token);
        var sessions = await http.GetFromJsonAsync<JsonArray>("api/sessions");
        return sessions!.Select(s => (string?)s!["path"] ?? "").ToList();
    }
}
