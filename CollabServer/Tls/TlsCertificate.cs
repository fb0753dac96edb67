using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Collab.Server.Tls;

/// <summary>A certificate and its chain as read from the PEM files, ready for Kestrel to serve.</summary>
public sealed class TlsCertificate
{
    private TlsCertificate(X509Certificate2 leaf, SslStreamCertificateContext context) => (Leaf, Context) = (leaf, context);

    public X509Certificate2 Leaf { get; }

    /// <summary>The leaf with the intermediates from the same file, so clients get the whole chain.</summary>
    public SslStreamCertificateContext Context { get; }

    /// <summary>Reads the pair; <see cref="TlsConfigurationException"/> names the setting that is wrong.</summary>
    public static TlsCertificate Load(TlsOptions options)
    {
        var certPath = options.CertificatePath!;
        var keyPath = string.IsNullOrWhiteSpace(options.KeyPath) ? certPath : options.KeyPath;
        if (!File.Exists(certPath)) throw new TlsConfigurationException($"Tls:CertificatePath: {certPath} does not exist.");
        if (!File.Exists(keyPath)) throw new TlsConfigurationException($"Tls:KeyPath: {keyPath} does not exist.");
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPemFile(certPath);
        }
        catch (CryptographicException ex)
        {
            throw new TlsConfigurationException($"Tls:CertificatePath: {certPath} holds no readable PEM certificate ({ex.Message}).");
        }
        if (chain.Count == 0) throw new TlsConfigurationException($"Tls:CertificatePath: {certPath} holds no PEM certificate.");
        X509Certificate2 withKey;
        try
        {
            withKey = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new TlsConfigurationException(
                $"Tls:KeyPath: {keyPath} holds no private key that matches the certificate in Tls:CertificatePath {certPath} ({ex.Message}).");
        }
        // PEM keys are ephemeral; exported and re-imported, the key works for SslStream on every platform.
        using (withKey)
        {
            var leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
            var intermediates = new X509Certificate2Collection();
            foreach (var cert in chain.Skip(1)) intermediates.Add(cert);
            return new TlsCertificate(leaf, SslStreamCertificateContext.Create(leaf, intermediates, offline: true));
        }
    }
}
