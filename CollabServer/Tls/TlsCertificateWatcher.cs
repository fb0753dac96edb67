using Microsoft.Extensions.Options;

namespace Collab.Server.Tls;

/// <summary>
/// Watches the directories of the certificate and key and reloads the store after a change
/// (half a second later, so a pair written one file after the other is read whole), and every
/// <c>Tls:ReloadCheckSeconds</c> in case the file system raised no event.
/// </summary>
public sealed class TlsCertificateWatcher(TlsCertificateStore store, IOptions<TlsOptions> options) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = new SemaphoreSlim(0);
        var paths = new[] { options.Value.CertificatePath!, options.Value.KeyPath }.Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => Path.GetDirectoryName(Path.GetFullPath(p!))!).Distinct().ToList();
        var watchers = paths.Select(dir =>
        {
            var watcher = new FileSystemWatcher(dir) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.DirectoryName };
            FileSystemEventHandler signal = (_, _) => changed.Release();
            watcher.Changed += signal;
            watcher.Created += signal;
            watcher.Renamed += (_, _) => changed.Release();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }).ToList();
        try
        {
            var check = TimeSpan.FromSeconds(options.Value.ReloadCheckSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await changed.WaitAsync(check, stoppingToken))
                {
                    await Task.Delay(Settle, stoppingToken);
                    while (changed.CurrentCount > 0) await changed.WaitAsync(stoppingToken); // one reload for a burst of events
                }
                store.ReloadIfChanged();
            }
        }
        finally
        {
            foreach (var watcher in watchers) watcher.Dispose();
        }
    }
}
