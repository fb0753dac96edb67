using Microsoft.Extensions.Options;

namespace Collab.Server.Cors;

/// <summary>
/// Each entry must be a bare origin: a path or trailing slash would never equal a browser's
/// <c>Origin</c> header, and <c>*</c> is not allowed with credentials.
/// </summary>
internal sealed class CrossOriginOptionsValidator : IValidateOptions<CrossOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.AllowedOrigins.Length; i++)
        {
            var entry = options.AllowedOrigins[i];
            if (!IsOrigin(entry))
                errors.Add($"Cors:AllowedOrigins:{i} '{entry}' must be an origin such as https://jupyter.example.org (http or https, host, optional port; no path, no '*').");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.GetLeftPart(UriPartial.Authority) == value
        && uri.UserInfo.Length == 0;
}
