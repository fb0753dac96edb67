using System.Text.RegularExpressions;

namespace Collab.Server.Health;

/// <summary>
/// What a log line must never show: a JWT, an <c>access_token=</c> query value (the hub's and
/// y-websocket's handshakes carry one, and request logs print the query), a bearer header.
/// </summary>
internal static partial class LoggedTokens
{
    public const string Marker = "[redacted]";

    // JWT segments are base64url; the header of every JWT starts with '{"' = "eyJ".
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*|(?<=access_token=)[^&\s""']+|(?<=Bearer )[A-Za-z0-9._~+/=-]+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>Cheap test first: almost no log line mentions any of these.</summary>
    public static bool MayContain(string? text) =>
        text is not null && (text.Contains("eyJ", StringComparison.Ordinal)
            || text.Contains("access_token", StringComparison.OrdinalIgnoreCase)
            || text.Contains("bearer ", StringComparison.OrdinalIgnoreCase));

    public static string Redact(string text) => MayContain(text) ? Pattern().Replace(text, Marker) : text;
}
