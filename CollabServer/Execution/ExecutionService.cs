using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Collab.Crdt.Jupyter;
using Collab.Server.Errors;
using Collab.Server.Notebooks;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Execution;

/// <summary>
/// Entry point of both transports for running cells: checks the request, resolves cells and
/// kernels, and hands off to the notebook's <see cref="NotebookKernel"/>. Refusals are
/// <see cref="RefusalException"/>s; authorization (editor) is the caller's.
/// </summary>
public sealed class ExecutionService(
    JupyterServers servers, IProjectJupyterStore serverChoices, RoomManager rooms, INotebookStore notebooks,
    IOptions<JupyterOptions> options, ILoggerFactory loggers) : IAsyncDisposable
{
    public static readonly string[] Modes = ["cells", "all", "below"];
    private static readonly TimeSpan SpecsLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<DocumentKey, NotebookKernel> _kernels = new();
    private readonly ILogger _logger = loggers.CreateLogger<ExecutionService>();
    private readonly ConcurrentDictionary<string, (KernelList List, DateTimeOffset At)> _specs = new();

    /// <summary>Raised as each cell finishes, with its outcome: ok, error (the code raised) or failed (not run to the end).</summary>
    public event Action<string>? CellFinished;

    /// <summary>Cells waiting for a kernel, across this replica's notebooks.</summary>
    public int QueuedCells => _kernels.Values.Sum(k => k.QueuedCount);

    /// <summary>Notebook kernels this replica holds.</summary>
    public int KernelCount => _kernels.Count;

    /// <summary>Queues cells; returns the ids queued, in order.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(DocumentKey key, string? mode, IReadOnlyList<string>? cellIds, CancellationToken ct)
    {
        EnsureEnabled();
        if (mode is null || !Modes.Contains(mode))
            throw new RefusalException(ErrorCode.Invalid, $"'mode' must be one of {string.Join(", ", Modes)}.");
        var ids = cellIds ?? [];
        if (mode != "all" && ids.Count == 0) throw new RefusalException(ErrorCode.Invalid, "'cellIds' must name at least one cell.");
        if (ids.Count > options.Value.MaxQueuedCells)
            throw new RefusalException(ErrorCode.TooLarge, $"At most {options.Value.MaxQueuedCells} cells can be queued at once (Jupyter:MaxQueuedCells).");
        await EnsureNotebookAsync(key, ct);
        var cells = await rooms.RunAsync(key, room => room.ReadAsync(NotebookModel.Cells));
        var chosen = Choose(cells, mode, ids).Where(c => c.CellType == "code" && !string.IsNullOrWhiteSpace(c.Source))
            .Select(c => new QueuedCell(c.Id, c.Source)).ToList();
        return chosen.Count == 0 ? [] : (await KernelAsync(key, ct)).Enqueue(chosen);
    }

    public async Task InterruptAsync(DocumentKey key, CancellationToken ct)
    {
        EnsureEnabled();
        await EnsureNotebookAsync(key, ct);
        if (_kernels.TryGetValue(key, out var kernel)) await Refuse(() => kernel.InterruptAsync(ct));
    }

    public async Task RestartAsync(DocumentKey key, CancellationToken ct)
    {
        EnsureEnabled();
        await EnsureNotebookAsync(key, ct);
        await Refuse(async () => await (await KernelAsync(key, ct)).RestartAsync(null, ct));
    }

    /// <summary>Shuts the notebook's kernel down (its variables are gone; the next run starts a new one).</summary>
    public async Task ShutdownAsync(DocumentKey key, CancellationToken ct)
    {
        EnsureEnabled();
        await EnsureNotebookAsync(key, ct);
        if (_kernels.TryRemove(key, out var kernel)) await Refuse(() => StopAsync(kernel, ct));
    }

    private static async Task StopAsync(NotebookKernel kernel, CancellationToken ct)
    {
        try
        {
            await kernel.ShutdownAsync(ct);
        }
        finally
        {
            await kernel.DisposeAsync();
        }
    }

    /// <summary>
    /// The notebook was deleted: its kernel (if this replica holds one) is shut down at once rather
    /// than left running until it idles out. Never throws; a Jupyter server that can't be reached is logged.
    /// </summary>
    public Task OnNotebookDeletedAsync(DocumentKey key) =>
        _kernels.TryRemove(key, out var kernel) ? StopAsync(key, kernel, "its notebook was deleted") : Task.CompletedTask;

    /// <summary>The project was deleted: every kernel this replica holds for it is shut down.</summary>
    public Task OnProjectDeletedAsync(string projectId) => StopProjectKernelsAsync(projectId, "its project was deleted");

    private async Task StopProjectKernelsAsync(string projectId, string why)
    {
        foreach (var (key, kernel) in _kernels.Where(k => k.Key.ProjectId == projectId).ToList())
            if (_kernels.TryRemove(new(key, kernel))) await StopAsync(key, kernel, why);
    }

    private async Task StopAsync(DocumentKey key, NotebookKernel kernel, string why)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds));
            await kernel.ShutdownAsync(timeout.Token);
            _logger.LogInformation("Shut down the kernel of {Document}: {Why}", key, why);
        }
        catch (Exception ex) when (ex is JupyterUnavailableException or OperationCanceledException)
        {
            _logger.LogWarning("Could not shut down the kernel of {Document} ({Why}): {Reason}", key, why, ex.Message);
        }
        finally
        {
            await kernel.DisposeAsync();
        }
    }

    /// <summary>Shuts down kernels idle longer than <c>Jupyter:IdleKernelMinutes</c>; returns how many.</summary>
    public async Task<int> ShutDownIdleAsync(CancellationToken ct)
    {
        if (options.Value.IdleKernelMinutes == 0) return 0;
        var cutoff = DateTimeOffset.UtcNow.AddMinutes(-options.Value.IdleKernelMinutes);
        var stopped = 0;
        foreach (var (key, kernel) in _kernels)
        {
            if (kernel.IsBusy || kernel.LastActive > cutoff || !_kernels.TryRemove(new(key, kernel))) continue;
            try
            {
                await StopAsync(kernel, ct);
                stopped++;
            }
            catch (JupyterUnavailableException ex)
            {
                _logger.LogWarning("Could not shut down the idle kernel of {Document}: {Reason}", key, ex.Message);
            }
        }
        return stopped;
    }

    /// <summary>Sets the notebook's kernelspec and restarts it on that kernel.</summary>
    public async Task ChangeKernelAsync(DocumentKey key, string? kernelName, CancellationToken ct)
    {
        EnsureEnabled();
        await EnsureNotebookAsync(key, ct);
        var specs = await KernelsAsync(key.ProjectId, ct);
        var spec = specs.Kernels.FirstOrDefault(k => k.Name == kernelName)
            ?? throw new RefusalException(ErrorCode.Invalid,
                $"No kernel named '{kernelName}' on the Jupyter server; choose one of {string.Join(", ", specs.Kernels.Select(k => k.Name))}.");
        await rooms.RunAsync(key, room => room.EditAsync(doc => NotebookModel.SetNotebookMetadata(doc, "kernelspec", new JsonObject
        {
            ["name"] = spec.Name,
            ["display_name"] = spec.DisplayName,
            ["language"] = spec.Language,
        })));
        await Refuse(async () => await (await KernelAsync(key, ct)).RestartAsync(spec.Name, ct));
    }

    /// <summary>The kernelspecs of the project's Jupyter server (kept for a minute).</summary>
    public async Task<KernelList> KernelsAsync(string projectId, CancellationToken ct)
    {
        EnsureEnabled();
        var server = await servers.ForProjectAsync(projectId, ct);
        return await Refuse(() => SpecsAsync(server, ct));
    }

    /// <summary>The Jupyter Server the project runs on and the ones its owners may choose (none when running cells is off).</summary>
    public async Task<ProjectJupyterServer> ServerAsync(string projectId, CancellationToken ct) =>
        options.Value.Enabled ? new(await servers.NameForProjectAsync(projectId, ct), servers.Names) : new(null, []);

    /// <summary>
    /// Moves the project to another allowed Jupyter Server. Its kernels on this replica are shut down
    /// (their state lives on the old server); the next run starts one on the new server.
    /// </summary>
    public async Task ChooseServerAsync(string projectId, string? serverName, CancellationToken ct)
    {
        EnsureEnabled();
        if (serverName is null || !servers.Contains(serverName))
            throw new RefusalException(ErrorCode.Invalid,
                $"'server' must be one of {string.Join(", ", servers.Names)} (the servers this deployment allows: Jupyter:Url and Jupyter:Servers).");
        if (await servers.NameForProjectAsync(projectId, ct) == serverName) return;
        await serverChoices.SetAsync(projectId, serverName == JupyterEndpoint.DefaultName ? null : serverName, ct);
        await StopProjectKernelsAsync(projectId, "its project moved to another Jupyter server");
    }

    private async Task<KernelList> SpecsAsync(JupyterServerClient server, CancellationToken ct)
    {
        var name = server.Endpoint.Name;
        if (_specs.TryGetValue(name, out var cached) && DateTimeOffset.UtcNow - cached.At < SpecsLifetime) return cached.List;
        var list = await server.KernelSpecsAsync(ct);
        _specs[name] = (list, DateTimeOffset.UtcNow);
        return list;
    }

    /// <summary>
    /// The notebook's kernel; a project may hold <c>Jupyter:MaxKernelsPerProject</c> at once, so one
    /// project can't take every kernel the Jupyter server can start.
    /// </summary>
    private async Task<NotebookKernel> KernelAsync(DocumentKey key, CancellationToken ct)
    {
        var server = await servers.ForProjectAsync(key.ProjectId, ct);
        // The project's owners moved it (perhaps through another replica): this kernel's server is no longer its own.
        if (_kernels.TryGetValue(key, out var existing) && existing.ServerName != server.Endpoint.Name && _kernels.TryRemove(new(key, existing)))
            await StopAsync(key, existing, "its project moved to another Jupyter server");
        lock (_kernels)
        {
            if (_kernels.TryGetValue(key, out existing)) return existing;
            var held = _kernels.Keys.Count(k => k.ProjectId == key.ProjectId);
            if (held >= options.Value.MaxKernelsPerProject)
                throw new RefusalException(ErrorCode.Conflict,
                    $"This project already has {held} notebooks with a kernel (Jupyter:MaxKernelsPerProject); shut one of their kernels down first.");
            var kernel = new NotebookKernel(key, server, options.Value,
                new NotebookWriter(key, rooms, TimeSpan.FromMilliseconds(options.Value.OutputFlushMilliseconds), _logger),
                notebooks, (requested, token) => ResolveSpecAsync(server, key, requested, token), loggers.CreateLogger<NotebookKernel>(),
                outcome => CellFinished?.Invoke(outcome));
            _kernels[key] = kernel;
            return kernel;
        }
    }

    /// <summary>The asked kernel, else the notebook's kernelspec, else <c>Jupyter:DefaultKernel</c>, else the server's default.</summary>
    private async Task<KernelSpecInfo> ResolveSpecAsync(JupyterServerClient server, DocumentKey key, string? requested, CancellationToken ct)
    {
        var specs = await SpecsAsync(server, ct);
        var named = requested ?? await rooms.RunAsync(key, room => room.ReadAsync(NotebookModel.KernelName));
        var fallback = string.IsNullOrEmpty(options.Value.DefaultKernel) ? specs.Default : options.Value.DefaultKernel;
        return specs.Kernels.FirstOrDefault(k => k.Name == named)
            ?? specs.Kernels.FirstOrDefault(k => k.Name == fallback)
            ?? specs.Kernels.FirstOrDefault()
            ?? throw new JupyterUnavailableException("The Jupyter server offers no kernels.");
    }

    private static IEnumerable<NotebookModel.CellSummary> Choose(IReadOnlyList<NotebookModel.CellSummary> cells, string mode, IReadOnlyList<string> ids)
    {
        switch (mode)
        {
            case "all":
                return cells;
            case "below":
                var start = cells.ToList().FindIndex(c => c.Id == ids[0]);
                if (start < 0) throw new RefusalException(ErrorCode.NotFound, $"No cell with id '{ids[0]}' in this notebook.");
                return cells.Skip(start);
            default:
                var byId = cells.ToDictionary(c => c.Id);
                var missing = ids.FirstOrDefault(id => !byId.ContainsKey(id));
                if (missing is not null) throw new RefusalException(ErrorCode.NotFound, $"No cell with id '{missing}' in this notebook.");
                return ids.Distinct().Select(id => byId[id]);
        }
    }

    private void EnsureEnabled()
    {
        if (!options.Value.Enabled)
            throw new RefusalException(ErrorCode.Unavailable, "Running cells is not set up on this server: it has no Jupyter server (Jupyter:Url).");
    }

    private async Task EnsureNotebookAsync(DocumentKey key, CancellationToken ct)
    {
        if (!await notebooks.ExistsAsync(key, ct)) throw new RefusalException(ErrorCode.NotFound, "Notebook not found.");
    }

    private static async Task<T> Refuse<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JupyterUnavailableException ex)
        {
            throw new RefusalException(ErrorCode.Unavailable, ex.Message);
        }
    }

    private static Task Refuse(Func<Task> call) => Refuse(async () => { await call(); return true; });

    public async ValueTask DisposeAsync()
    {
        foreach (var kernel in _kernels.Values) await kernel.DisposeAsync();
        _kernels.Clear();
    }
}
