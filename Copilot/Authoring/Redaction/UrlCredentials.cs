namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Credentials inside URLs: the password of <c>scheme://user:password@host</c>, also with an empty
/// user (<c>redis://:password@host</c>), and a token used as the user (<c>https://TOKEN@github.com</c>,
/// Sentry DSNs). Query parameters (<c>?token=</c>, <c>&amp;sig=</c>) are settings, found with the others.
/// </summary>
internal static class UrlCredentials
{
    private const string Scheme = @"\b[A-Za-z][A-Za-z0-9+.-]{0,30}://";

    public static readonly SecretPattern[] All =
    [
        SecretPattern.Of("url-password", Scheme + @"[^\s:/@?#""'<>]*:(?<secret>[^\s@/?#""'<>]+)@",
            value => !SecretValue.IsStandIn(value, quoted: true)),
        SecretPattern.Of("url-token", Scheme + @"(?<secret>[A-Za-z0-9_-]{20,})@",
            value => value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetter)),
    ];
}
