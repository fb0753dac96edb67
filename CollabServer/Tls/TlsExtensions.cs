using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Collab.Server.Tls;

public static class TlsExtensions
{
    /// <summary>
    /// HTTPS with the PEM pair of <see cref="TlsOptions"/> on every HTTPS endpoint Kestrel listens on,
    /// re-read when the files change. Nothing changes while <c>Tls:CertificatePath</c> is empty.
    /// </summary>
    public static IHostApplicationBuilder AddCollabTls(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TlsOptions>()
            .Bind(builder.Configuration.GetSection(TlsOptions.Section))
            .Validate(o => o.ReloadCheckSeconds >= 1, "Tls:ReloadCheckSeconds must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TlsOptions>, TlsFilesValidation>();
        if (builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() is not { Enabled: true }) return builder;

        builder.Services.AddSingleton<TlsCertificateStore>();
        builder.Services.AddSingleton<TlsMetrics>();
        builder.Services.AddHostedService<TlsCertificateWatcher>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IServiceProvider>((kestrel, services) =>
            kestrel.ConfigureHttpsDefaults(https =>
            {
                var store = services.GetRequiredService<TlsCertificateStore>();
                services.GetRequiredService<TlsMetrics>();
                // Kestrel wants a certificate source at start; each handshake then takes the current
                // certificate with its intermediates (the selector alone would send the leaf only).
                https.ServerCertificateSelector = (_, _) => store.Current.Leaf;
                https.OnAuthenticate = (_, ssl) =>
                {
                    ssl.ServerCertificateSelectionCallback = null;
                    ssl.ServerCertificate = null;
                    ssl.ServerCertificateContext = store.Current.Context;
                };
            }));
        return builder;
    }
}
