using System.Text;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>Decodes base64 that should hold text (a Basic credential, a Kubernetes secret value), so a rule can look inside.</summary>
internal static class Base64Text
{
    /// <summary>The UTF-8 text the base64 (padding optional) encodes, or null when it is not base64 of valid UTF-8.</summary>
    public static string? Decode(string base64)
    {
        if (base64.Length % 4 == 1) return null;
        var padded = base64.Length % 4 == 0 ? base64 : base64 + new string('=', 4 - base64.Length % 4);
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written)) return null;
        try { return new UTF8Encoding(false, true).GetString(bytes, 0, written); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>True when the base64 decodes to printable text (no control characters but line breaks and tabs).</summary>
    public static bool IsPrintable(string base64) =>
        Decode(base64) is { Length: > 0 } text && text.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
}
