using Microsoft.Extensions.Options;

namespace Collab.Server.Tls;

/// <summary>
/// The certificate Kestrel serves now. Reloaded by <see cref="TlsCertificateWatcher"/> when the
/// files change; a pair that does not load (say, the certificate already replaced and the key not
/// yet) is logged and the previous certificate kept, so a renewal never takes HTTPS down.
/// </summary>
public sealed class TlsCertificateStore
{
    private readonly TlsOptions _options;
    private readonly ILogger<TlsCertificateStore> _log;
    private volatile TlsCertificate _current;
    private (DateTime, long, DateTime, long) _stamp;

    public TlsCertificateStore(IOptions<TlsOptions> options, ILogger<TlsCertificateStore> log)
    {
        _options = options.Value;
        _log = log;
        _stamp = Stamp();
        _current = TlsCertificate.Load(_options);
        _log.LogInformation("Serving TLS certificate {Subject} ({Thumbprint}), valid until {NotAfter:O}",
            _current.Leaf.Subject, _current.Leaf.Thumbprint, _current.Leaf.NotAfter.ToUniversalTime());
    }

    public TlsCertificate Current => _current;

    /// <summary>Loads the files again if they changed since the last load; true when a new certificate is served.</summary>
    public bool ReloadIfChanged()
    {
        var stamp = Stamp();
        if (stamp == _stamp) return false;
        try
        {
            var loaded = TlsCertificate.Load(_options);
            _stamp = stamp;
            if (loaded.Leaf.Thumbprint == _current.Leaf.Thumbprint) return false;
            _current = loaded;
            _log.LogInformation("Reloaded TLS certificate: now {Subject} ({Thumbprint}), valid until {NotAfter:O}",
                loaded.Leaf.Subject, loaded.Leaf.Thumbprint, loaded.Leaf.NotAfter.ToUniversalTime());
            return true;
        }
        catch (TlsConfigurationException ex)
        {
            _log.LogWarning("TLS certificate files changed but do not load yet; still serving {Thumbprint}: {Reason}", _current.Leaf.Thumbprint, ex.Message);
            return false;
        }
    }

    /// <summary>Write times and sizes of both files (following symlinks, as Kubernetes secret volumes swap them).</summary>
    private (DateTime, long, DateTime, long) Stamp()
    {
        var cert = Resolve(_options.CertificatePath!);
        var key = Resolve(string.IsNullOrWhiteSpace(_options.KeyPath) ? _options.CertificatePath! : _options.KeyPath);
        return (cert.Exists ? cert.LastWriteTimeUtc : default, cert.Exists ? cert.Length : -1,
            key.Exists ? key.LastWriteTimeUtc : default, key.Exists ? key.Length : -1);
    }

    private static FileInfo Resolve(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target : file;
    }
}
