namespace Collab.Server.Limits;

/// <summary>Per-message, per-document and per-connection bounds (section <c>Limits</c>).</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary><c>Limits:MaxMessageBytes</c>: largest update or awareness message accepted.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary><c>Limits:MaxDocumentBytes</c>: an update that would grow a document past this is refused.</summary>
    public long MaxDocumentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary><c>Limits:UpdatesPerSecond</c>: sustained update rate per connection.</summary>
    public double UpdatesPerSecond { get; set; } = 200;

    /// <summary><c>Limits:UpdateBurst</c>: updates a connection may send at once before the rate applies.</summary>
    public int UpdateBurst { get; set; } = 400;
}
