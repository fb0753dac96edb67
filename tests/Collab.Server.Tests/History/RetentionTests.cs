using Collab.Server.History;
using Collab.Server.Storage;
using Collab.Server.Storage.Sqlite;
using Collab.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Collab.Server.Tests.History;

/// <summary>
/// The retention sweep on a real SQLite store, with a clock the test moves: everything of the last
/// day stays, then one version per hour for a week, then one per day; checkpoints always stay.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DocumentKey Key = new("p", "n.ipynb");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TestSqlite _file = new("retention");
    private readonly FakeTimeProvider _clock = new(Start);
    private SqliteVersionStore _store = null!;
    private RetentionSweeper _sweeper = null!;

    public async Task InitializeAsync()
    {
        var db = _file.Database;
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        await new SqliteVersionSchema(db).EnsureSchemaAsync();
        await new SqliteNotebookStore(db).CreateAsync(Key, [0, 0]);
        _store = new SqliteVersionStore(db);
        _sweeper = new RetentionSweeper(_store, Options.Create(new HistoryOptions()), _clock, NullLogger<RetentionSweeper>.Instance);
    }

    public Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Old_versions_thin_to_hourly_then_daily_and_checkpoints_stay()
    {
        // Four versions an hour, every hour, for ten days; one named checkpoint on the first day.
        for (var minutes = 0; minutes < 10 * 24 * 60; minutes += 15)
            await AddAsync(VersionKind.Auto, Start.AddMinutes(minutes));
        await AddAsync(VersionKind.Checkpoint, Start.AddHours(1).AddMinutes(5), "keep me");
        _clock.SetUtcNow(Start.AddDays(10));

        await _sweeper.SweepAsync();

        var left = (await _store.ListAsync(Key, null, 100_000)).Select(v => (v.CreatedAt, v.Kind)).ToList();
        var now = _clock.GetUtcNow();
        Assert.Equal(4 * 24, left.Count(v => v.CreatedAt >= now.AddDays(-1)));
        var hourly = left.Where(v => v.CreatedAt < now.AddDays(-1) && v.CreatedAt >= now.AddDays(-8)).ToList();
        Assert.Equal(7 * 24, hourly.Count);
        Assert.All(hourly, v => Assert.Equal(45, v.CreatedAt.Minute)); // the newest of each hour
        var daily = left.Where(v => v.CreatedAt < now.AddDays(-8) && v.Kind == VersionKind.Auto).ToList();
        Assert.Equal(2, daily.Count);
        Assert.All(daily, v => Assert.Equal((23, 45), (v.CreatedAt.Hour, v.CreatedAt.Minute)));
        Assert.Contains(left, v => v.Kind == VersionKind.Checkpoint);

        // Nothing more goes until time passes. A day later the newest day thins to hours (72 go)
        // and the oldest hourly day to one version (23 go).
        Assert.Equal(0, await _sweeper.SweepAsync());
        _clock.SetUtcNow(now.AddDays(1));
        Assert.Equal(72 + 23, await _sweeper.SweepAsync());
    }

    private Task AddAsync(VersionKind kind, DateTimeOffset at, string? name = null) =>
        _store.AddAsync(Key, new NewVersion(kind, name, [], 1, VersionState.Compress([0, 0]), 2, at), onlyIfNewer: false);
}
