using System.Text.Json.Nodes;
using Collab.Crdt.Jupyter;
using Collab.Server.Notebooks;
using Collab.Server.Storage;

namespace Collab.Server.Execution;

/// <summary>
/// One notebook's kernel and run queue. Cells run one at a time, in the order asked, on the
/// kernel of the notebook's Jupyter session; results go into the shared document through
/// <see cref="NotebookWriter"/>. The queue belongs to the notebook, not to whoever asked, so a run
/// goes on after its requester leaves. An error stops the rest of the queue, as in JupyterLab.
/// </summary>
public sealed class NotebookKernel : IAsyncDisposable
{
    private readonly DocumentKey _key;
    private readonly JupyterServerClient _server;
    private readonly JupyterOptions _options;
    private readonly NotebookWriter _writer;
    private readonly INotebookStore _notebooks;
    private readonly Func<string?, CancellationToken, Task<KernelSpecInfo>> _kernelSpec;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly LinkedList<QueuedCell> _queue = new();
    private readonly Action<string> _cellFinished;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly DisplayRegistry _displays = new();
    private readonly string _clientSession = Guid.NewGuid().ToString("N");
    private readonly Task _loop;
    private CancellationTokenSource? _runAbort;
    private JupyterServerClient.KernelSession? _session;
    private KernelSocket? _socket;
    private string? _running;
    private string _status = KernelStatus.None;
    private string? _message;
    private string? _displayName;

    public NotebookKernel(DocumentKey key, JupyterServerClient server, JupyterOptions options, NotebookWriter writer,
        INotebookStore notebooks, Func<string?, CancellationToken, Task<KernelSpecInfo>> kernelSpec, ILogger logger,
        Action<string>? cellFinished = null)
    {
        (_key, _server, _options, _writer, _notebooks, _kernelSpec, _logger) = (key, server, options, writer, notebooks, kernelSpec, logger);
        _cellFinished = cellFinished ?? (_ => { });
        _loop = Task.Run(RunLoopAsync);
    }

    /// <summary>When the kernel last had something to do; idle kernels may be let go.</summary>
    public DateTimeOffset LastActive { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Cells waiting to run (not counting the one running).</summary>
    public int QueuedCount
    {
        get { lock (_gate) return _queue.Count; }
    }

    /// <summary>Queues <paramref name="cells"/> (a cell already waiting keeps its place and takes the newer code).</summary>
    public IReadOnlyList<string> Enqueue(IReadOnlyList<QueuedCell> cells)
    {
        lock (_gate)
        {
            var added = cells.Count(c => !_queue.Any(q => q.CellId == c.CellId));
            if (_queue.Count + added > _options.MaxQueuedCells)
                throw new Errors.RefusalException(Errors.ErrorCode.TooLarge,
                    $"This notebook already has {_queue.Count} cells waiting to run; at most {_options.MaxQueuedCells} may wait (Jupyter:MaxQueuedCells).");
            foreach (var cell in cells)
            {
                var waiting = _queue.First;
                while (waiting is not null && waiting.Value.CellId != cell.CellId) waiting = waiting.Next;
                if (waiting is not null) waiting.Value = cell;
                else _queue.AddLast(cell);
            }
            LastActive = DateTimeOffset.UtcNow;
        }
        var ids = cells.Select(c => c.CellId).ToList();
        _writer.Enqueue(doc =>
        {
            foreach (var id in ids)
                if (NotebookModel.FindCell(doc, id) is { } cell) NotebookModel.SetExecutionState(cell, "running");
        });
        PublishStatus();
        _wake.Release();
        return ids;
    }

    /// <summary>The Jupyter Server (by name) this kernel runs on.</summary>
    public string ServerName => _server.Endpoint.Name;

    /// <summary>True while a cell runs or waits.</summary>
    public bool IsBusy
    {
        get { lock (_gate) return _running is not null || _queue.Count > 0; }
    }

    /// <summary>Clears the queue, stops the running cell and shuts the kernel's session down on the Jupyter server.</summary>
    public async Task ShutdownAsync(CancellationToken ct)
    {
        DropQueue();
        AbortRun();
        await _sessionLock.WaitAsync(ct);
        try
        {
            await CloseSocketAsync();
            var session = Interlocked.Exchange(ref _session, null);
            if (session is not null) await _server.DeleteSessionAsync(session.SessionId, ct);
            _displays.Clear();
            SetStatus(KernelStatus.None, null);
            await _writer.FlushAsync();
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    public async Task InterruptAsync(CancellationToken ct)
    {
        var session = _session;
        if (session is null || _running is null) return;
        SetStatus(KernelStatus.Interrupting, null);
        await _server.InterruptAsync(session.KernelId, ct);
    }

    /// <summary>Clears the queue, stops the running cell and restarts the kernel (on <paramref name="newKernel"/> when given).</summary>
    public async Task RestartAsync(string? newKernel, CancellationToken ct)
    {
        DropQueue();
        AbortRun();
        await _sessionLock.WaitAsync(ct);
        try
        {
            await CloseSocketAsync();
            SetStatus(KernelStatus.Restarting, null);
            if (newKernel is not null || _session is null)
            {
                var opened = await OpenSessionAsync(newKernel, ct);
                if (newKernel is null) await _server.RestartAsync(opened.KernelId, ct);
            }
            else
            {
                await _server.RestartAsync(_session.KernelId, ct);
            }
            _displays.Clear();
            SetStatus(KernelStatus.Idle, null);
        }
        catch (JupyterUnavailableException ex)
        {
            SetStatus(KernelStatus.Unavailable, ex.Message);
            throw;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    /// <summary>Stops the cell running now; its run ends as restarted.</summary>
    private void AbortRun()
    {
        try
        {
            _runAbort?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That run had just finished.
        }
    }

    private async Task RunLoopAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            QueuedCell? next;
            lock (_gate)
            {
                next = _queue.First?.Value;
                if (next is not null)
                {
                    _queue.RemoveFirst();
                    _running = next.CellId;
                    LastActive = DateTimeOffset.UtcNow;
                }
            }
            if (next is null)
            {
                try
                {
                    await _wake.WaitAsync(stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            _runAbort = abort;
            var outputs = new CellOutputs(next.CellId, _writer, _displays, _options.MaxOutputBytesPerCell);
            long? count = null;
            try
            {
                var socket = await ConnectedSocketAsync(abort.Token);
                if (!await _notebooks.ExistsAsync(_key, abort.Token))
                {
                    DropQueue();
                    continue;
                }
                SetStatus(KernelStatus.Busy, null);
                outputs.Start();
                var (ok, executionCount) = await ExecuteAsync(socket, next, outputs, abort.Token);
                count = executionCount;
                _cellFinished(ok ? "ok" : "error");
                if (!ok) DropQueue();
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // Restarted (or the kernel changed) while this cell ran: the restart cleared the queue.
                outputs.Fail("KernelRestarted", "The kernel was restarted while this cell ran.");
                _cellFinished("failed");
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (JupyterUnavailableException ex)
            {
                outputs.Fail("KernelUnavailable", ex.Message);
                _cellFinished("failed");
                DropQueue();
                await CloseSocketAsync();
                SetStatus(ex.Status, ex.Message);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Running a cell of {Document} failed", _key);
                outputs.Fail("CollabError", "Collab could not finish running this cell; see the server log.");
                _cellFinished("failed");
                DropQueue();
                await CloseSocketAsync();
                SetStatus(KernelStatus.Unavailable, "Collab could not run the last cell because of an internal error; see the server log.");
            }
            finally
            {
                _runAbort = null;
                LastActive = DateTimeOffset.UtcNow;
                outputs.Finish(count);
                lock (_gate) _running = null;
                if (_status is KernelStatus.Busy or KernelStatus.Interrupting) SetStatus(KernelStatus.Idle, null);
                else PublishStatus();
                await _writer.FlushAsync();
            }
        }
    }

    /// <summary>Sends the cell and applies what comes back until the kernel is done with it.</summary>
    private async Task<(bool Ok, long? Count)> ExecuteAsync(KernelSocket socket, QueuedCell cell, CellOutputs outputs, CancellationToken ct)
    {
        var request = KernelMessages.ExecuteRequest(_clientSession, cell.Code);
        var requestId = KernelMessages.Id(request)!;
        await socket.SendAsync(request, ct);
        bool replied = false, idle = false, ok = true;
        long? count = null;
        // Done when both the reply and the idle status for this request came: outputs may follow the reply.
        while (!(replied && idle))
        {
            var message = await socket.ReceiveAsync(ct)
                ?? throw new JupyterUnavailableException("The connection to the kernel was lost while the cell ran.");
            var type = KernelMessages.Type(message);
            var content = KernelMessages.Content(message);
            if (type == "status" && (string?)content["execution_state"] is "restarting" or "dead")
                throw new JupyterUnavailableException("The kernel died while this cell ran (it is being restarted; its variables are gone).", status: KernelStatus.Dead);
            if (KernelMessages.ParentId(message) != requestId) continue;
            // The count is written with the reply, not on execute_input: JupyterLab takes a count
            // as the end of a run and would show the cell idle while it still runs.
            switch (type)
            {
                case "status":
                    idle = (string?)content["execution_state"] == "idle";
                    break;
                case "execute_reply":
                    replied = true;
                    ok = (string?)content["status"] == "ok";
                    count = content["execution_count"] is JsonValue v && v.TryGetValue<long>(out var c) ? c : null;
                    break;
                default:
                    if (KernelMessages.Channel(message) == "iopub") outputs.Handle(type ?? "", content);
                    break;
            }
        }
        return (ok, count);
    }

    private async Task<KernelSocket> ConnectedSocketAsync(CancellationToken ct)
    {
        await _sessionLock.WaitAsync(ct);
        try
        {
            if (_socket is { IsOpen: true }) return _socket;
            await CloseSocketAsync();
            SetStatus(KernelStatus.Starting, null);
            var session = _session ?? await OpenSessionAsync(null, ct);
            try
            {
                _socket = await ConnectAsync(session, ct);
            }
            catch (JupyterUnavailableException)
            {
                // The kernel may have gone (culled, or the Jupyter server restarted): open the session again.
                _socket = await ConnectAsync(await OpenSessionAsync(null, ct), ct);
            }
            return _socket;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    /// <summary>Opens (or finds) the notebook's session on <paramref name="kernelName"/>, or on the notebook's own kernel.</summary>
    private async Task<JupyterServerClient.KernelSession> OpenSessionAsync(string? kernelName, CancellationToken ct)
    {
        var spec = await _kernelSpec(kernelName, ct);
        _session = await _server.OpenSessionAsync(SessionPath(), spec.Name, ct);
        _displayName = spec.DisplayName;
        return _session;
    }

    private Task<KernelSocket> ConnectAsync(JupyterServerClient.KernelSession session, CancellationToken ct) =>
        KernelSocket.ConnectAsync(_server.ChannelsUri(session.KernelId, _clientSession), _server.Endpoint.Token,
            Math.Max(16 * 1024 * 1024, 2 * _options.MaxOutputBytesPerCell), TimeSpan.FromSeconds(_options.RequestTimeoutSeconds), ct);

    private async Task CloseSocketAsync()
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        if (socket is not null) await socket.DisposeAsync();
    }

    private string SessionPath() => $"{_options.SessionPrefix}/{_key.ProjectId}/{_key.DocName}";

    private void DropQueue()
    {
        List<string> dropped;
        lock (_gate)
        {
            dropped = _queue.Select(q => q.CellId).ToList();
            _queue.Clear();
        }
        if (dropped.Count == 0) return;
        var running = _running;
        _writer.Enqueue(doc =>
        {
            foreach (var id in dropped)
                if (id != running && NotebookModel.FindCell(doc, id) is { } cell) NotebookModel.SetExecutionState(cell, "idle");
        });
        PublishStatus();
    }

    private void SetStatus(string status, string? message)
    {
        _status = status;
        _message = message;
        PublishStatus();
    }

    private void PublishStatus()
    {
        string? running;
        List<string> queued;
        lock (_gate)
        {
            running = _running;
            queued = _queue.Select(q => q.CellId).ToList();
        }
        var (status, message, kernel, displayName) = (_status, _message, _session?.KernelName, _displayName);
        var updated = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _writer.Enqueue(doc =>
        {
            NotebookModel.SetRootValue(doc, ExecutionMap, "status", status);
            NotebookModel.SetRootValue(doc, ExecutionMap, "running", running);
            NotebookModel.SetRootValue(doc, ExecutionMap, "queued", new JsonArray(queued.Select(q => (JsonNode?)q).ToArray()));
            NotebookModel.SetRootValue(doc, ExecutionMap, "message", message);
            if (kernel is not null) NotebookModel.SetRootValue(doc, ExecutionMap, "kernel_name", kernel);
            if (displayName is not null) NotebookModel.SetRootValue(doc, ExecutionMap, "kernel_display_name", displayName);
            NotebookModel.SetRootValue(doc, ExecutionMap, "updated", updated);
        });
    }

    /// <summary>The root map with the notebook's kernel status (docs/execution.md).</summary>
    public const string ExecutionMap = "execution";

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        try { await _loop; }
        catch (OperationCanceledException) { }
        await CloseSocketAsync();
        _stopping.Dispose();
    }
}
