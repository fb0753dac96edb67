using System.Collections.Concurrent;
using Collab.Server.Auth;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.History;

/// <summary>
/// Keeps a version of every notebook that was edited, once it has been quiet for
/// <c>History:QuietSeconds</c> and its last version is at least <c>History:MinSpacingSeconds</c>
/// old. Each replica watches the rooms it has loaded; when several saw the same edits, the store
/// lets only the first keep that state (<see cref="IVersionStore.AddAsync"/> with onlyIfNewer).
/// </summary>
public sealed class AutoVersioner : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<DocumentKey, DateTimeOffset> _lastEdit = new();
    private readonly Dictionary<DocumentKey, DateTimeOffset> _notBefore = new();
    private readonly VersionWriter _writer;
    private readonly IVersionStore _store;
    private readonly INotebookLookup _notebooks;
    private readonly AuthorNotes _authors;
    private readonly HistoryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AutoVersioner> _logger;

    public AutoVersioner(RoomManager rooms, VersionWriter writer, IVersionStore store, INotebookLookup notebooks, AuthorNotes authors,
        IOptions<HistoryOptions> options, TimeProvider clock, ILogger<AutoVersioner> logger)
    {
        _writer = writer;
        _store = store;
        _notebooks = notebooks;
        _authors = authors;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        rooms.Edited += OnEdited;
    }

    /// <summary>Runs inside the room's actor: two dictionary writes, nothing more.</summary>
    private void OnEdited(DocumentKey key, IReadOnlyList<string> authors)
    {
        _lastEdit[key] = _clock.GetUtcNow();
        _authors.Note(key, authors);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await _authors.FlushAsync(stoppingToken);
                foreach (var (key, edited) in _lastEdit.ToArray())
                {
                    var now = _clock.GetUtcNow();
                    if (now - edited < _options.Quiet) continue;
                    if (_notBefore.TryGetValue(key, out var notBefore) && now < notBefore) continue;
                    await KeepAsync(key, edited, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task KeepAsync(DocumentKey key, DateTimeOffset edited, CancellationToken ct)
    {
        try
        {
            var latest = await _store.LatestAsync(key, ct);
            if (latest is not null && _clock.GetUtcNow() - latest.CreatedAt < _options.MinSpacing)
            {
                _notBefore[key] = latest.CreatedAt + _options.MinSpacing;
                return;
            }
            _notBefore.Remove(key);
            if (await _notebooks.ExistsAsync(key, ct))
            {
                var kept = await _writer.WriteAsync(key, VersionKind.Auto, null, [], onlyIfNewer: true, ct);
                if (kept is not null) _logger.LogInformation("Kept version {Version} of {Document}", kept.Id, key);
                else _logger.LogInformation("A version of {Document} as this node has it is already kept (by another replica)", key);
            }
            _authors.Forget(key);
            // Edits that came in meanwhile wait for their own quiet period.
            _lastEdit.TryRemove(new KeyValuePair<DocumentKey, DateTimeOffset>(key, edited));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not keep a version of {Document}; trying again after the next quiet period", key);
            _lastEdit.TryUpdate(key, _clock.GetUtcNow(), edited);
        }
    }
}
