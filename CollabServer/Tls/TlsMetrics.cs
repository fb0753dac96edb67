using System.Diagnostics.Metrics;
using Collab.Server.Observability;

namespace Collab.Server.Tls;

/// <summary>
/// <c>collab_tls_certificate_remaining_seconds</c>: time until the served certificate expires
/// (negative once it has), read by the <c>CollabCertificateExpiringSoon</c> alert. Only exported
/// while Collab terminates TLS.
/// </summary>
public sealed class TlsMetrics
{
    public TlsMetrics(IMeterFactory meterFactory, TlsCertificateStore store, TimeProvider clock)
    {
        var meter = meterFactory.Create(CollabMetrics.MeterName);
        meter.CreateObservableGauge("collab.tls.certificate.remaining",
            () => (new DateTimeOffset(store.Current.Leaf.NotAfter.ToUniversalTime()) - clock.GetUtcNow()).TotalSeconds, "s",
            "Seconds until the TLS certificate Collab serves expires.");
    }
}
