using Microsoft.Extensions.Options;

namespace Collab.Server.Tls;

/// <summary>At start: the configured PEM files exist, parse, and the key belongs to the certificate.</summary>
public sealed class TlsFilesValidation : IValidateOptions<TlsOptions>
{
    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        if (!options.Enabled)
            return string.IsNullOrWhiteSpace(options.KeyPath) ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Tls:KeyPath is set but Tls:CertificatePath is not.");
        try
        {
            TlsCertificate.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (TlsConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
