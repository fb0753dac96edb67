namespace Collab.Server.Tls;

/// <summary>
/// HTTPS served by Collab itself (section <c>Tls</c>), for when no ingress or proxy terminates TLS
/// in front of it. Off while <see cref="CertificatePath"/> is empty. Listen on HTTPS with
/// <c>ASPNETCORE_URLS=https://+:8443</c> (or <c>Kestrel:Endpoints</c>); the certificate is re-read
/// when its files change, so cert-manager or another renewer can replace them in place.
/// </summary>
public sealed class TlsOptions
{
    public const string Section = "Tls";

    /// <summary><c>Tls:CertificatePath</c>: PEM file with the certificate, then any intermediates (a cert-manager <c>tls.crt</c>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary><c>Tls:KeyPath</c>: PEM file with its private key (<c>tls.key</c>); empty when the key is in the certificate file.</summary>
    public string? KeyPath { get; set; }

    /// <summary><c>Tls:ReloadCheckSeconds</c>: how often the files are compared as well, for file systems that raise no change events.</summary>
    public int ReloadCheckSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
