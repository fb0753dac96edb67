using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Collab terminating TLS itself: it serves the PEM pair of <c>Tls:CertificatePath</c> and
/// <c>Tls:KeyPath</c> (checked by a client that pins it), serves a new pair once the files are
/// replaced (as cert-manager renews a secret) without a restart, exports the time to expiry,
/// and refuses to start with a key that is not the certificate's, naming the setting.
/// </summary>
[Trait("Needs", "Server")]
public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collab-tls-").FullName;
    private Process? _server;
    private readonly StringBuilder _log = new();

    private string CertPath => Path.Combine(_directory, "tls.crt");
    private string KeyPath => Path.Combine(_directory, "tls.key");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Serves_the_configured_certificate_and_the_new_one_after_the_files_are_replaced()
    {
        var first = SelfSigned("collab-first", TimeSpan.FromDays(400));
        var second = SelfSigned("collab-second", TimeSpan.FromDays(30));
        Write(first, CertPath, KeyPath);
        var port = FreePort.Next();
        Start(port);

        Assert.True(await ServesAsync(port, first), $"The first certificate was not served:\n{Log}");
        Assert.InRange(await RemainingSecondsAsync(port, first), TimeSpan.FromDays(390).TotalSeconds, TimeSpan.FromDays(400).TotalSeconds);

        // Each file replaced by a rename, as a renewer writes them (the key first: the pair is briefly mismatched).
        Write(second, CertPath + ".new", KeyPath + ".new");
        File.Move(KeyPath + ".new", KeyPath, overwrite: true);
        File.Move(CertPath + ".new", CertPath, overwrite: true);

        Assert.True(await ServesAsync(port, second), $"The replaced certificate was not served:\n{Log}");
        Assert.InRange(await RemainingSecondsAsync(port, second), TimeSpan.FromDays(20).TotalSeconds, TimeSpan.FromDays(30).TotalSeconds);
        Assert.False(_server!.HasExited);
    }

    [Fact]
    public async Task A_key_that_is_not_the_certificates_stops_the_start_naming_the_setting()
    {
        var certificate = SelfSigned("collab-cert", TimeSpan.FromDays(30));
        var other = SelfSigned("collab-other", TimeSpan.FromDays(30));
        File.WriteAllText(CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, other.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        Start(FreePort.Next());

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _server!.WaitForExitAsync(cts.Token);
        Assert.NotEqual(0, _server.ExitCode);
        Assert.Contains("Tls:KeyPath", Log);
    }

    private string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    private void Start(int port)
    {
        var data = Directory.CreateDirectory(Path.Combine(_directory, "data")).FullName;
        var info = ServerCommand.StartInfo(data);
        info.Environment["ASPNETCORE_URLS"] = $"https://127.0.0.1:{port}";
        info.Environment["Storage__DataDirectory"] = data;
        info.Environment["Auth__SigningKey"] = TestTokens.SigningKey;
        info.Environment["Auth__Issuer"] = TestTokens.Issuer;
        info.Environment["Auth__Audience"] = TestTokens.Audience;
        info.Environment["Tls__CertificatePath"] = CertPath;
        info.Environment["Tls__KeyPath"] = KeyPath;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        _server = Process.Start(info)!;
        _server.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
    }

    /// <summary>Polls with fresh connections until a handshake presents <paramref name="expected"/> and /healthz answers over it.</summary>
    private async Task<bool> ServesAsync(int port, X509Certificate2 expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && _server is { HasExited: false })
        {
            try
            {
                using var http = Pinned(expected);
                if ((await http.GetAsync($"https://127.0.0.1:{port}/healthz")).IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { } // not listening yet, or still the other certificate
            await Task.Delay(100);
        }
        return false;
    }

    private static async Task<double> RemainingSecondsAsync(int port, X509Certificate2 pinned)
    {
        using var http = Pinned(pinned);
        var exposition = await http.GetStringAsync($"https://127.0.0.1:{port}/metrics");
        var line = exposition.Split('\n').Single(l => l.StartsWith("collab_tls_certificate_remaining_seconds", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>A client that trusts exactly one certificate (by thumbprint), as a pinned client would.</summary>
    private static HttpClient Pinned(X509Certificate2 certificate) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.Zero,
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.Thumbprint },
    });

    private static X509Certificate2 SelfSigned(string name, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + lifetime);
    }

    private static void Write(X509Certificate2 certificate, string certPath, string keyPath)
    {
        File.WriteAllText(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
    }
}
