using System.Diagnostics.Metrics;
using Collab.Server.Observability;
using Microsoft.Extensions.Options;

namespace Collab.Server.Storage;

/// <summary>
/// Gauges of what fills the disk, read on each scrape: the free and total bytes of the volume
/// holding <c>Storage:DataDirectory</c> (<c>collab_storage_free_bytes</c>,
/// <c>collab_storage_capacity_bytes</c>) and, on SQLite, the write-ahead log's size and the size
/// at which the writer starts it over (<c>collab_storage_sqlite_wal_size_bytes</c>,
/// <c>collab_storage_sqlite_wal_limit_bytes</c>): a WAL far past its limit means checkpoints are
/// blocked (a long reader) and the file only grows. A hosted service only so the gauges exist from
/// the start; it has nothing to run.
/// </summary>
public sealed class DataVolumeMetrics : IHostedService
{
    public DataVolumeMetrics(IMeterFactory meterFactory, IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        var directory = Path.GetFullPath(storage.DataDirectory);
        var meter = meterFactory.Create(CollabMetrics.MeterName);
        meter.CreateObservableGauge("collab.storage.free", () => Volume(directory)?.AvailableFreeSpace ?? 0, "By",
            "Bytes free to this process on the volume of Storage:DataDirectory.");
        meter.CreateObservableGauge("collab.storage.capacity", () => Volume(directory)?.TotalSize ?? 0, "By",
            "Size of the volume of Storage:DataDirectory.");
        if (storage.UsesPostgres) return;
        var wal = storage.SqlitePath + "-wal";
        meter.CreateObservableGauge("collab.storage.sqlite.wal.size", () => File.Exists(wal) ? new FileInfo(wal).Length : 0L, "By",
            "Size of the SQLite write-ahead log.");
        meter.CreateObservableGauge("collab.storage.sqlite.wal.limit", () => storage.Sqlite.MaxWalMegabytes * (1L << 20), "By",
            "Storage:Sqlite:MaxWalMegabytes: the WAL size at which the writer checkpoints and starts it over.");
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static DriveInfo? Volume(string directory)
    {
        try
        {
            return Directory.Exists(directory) ? new DriveInfo(directory) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
