namespace Collab.Server.Limits;

/// <summary>Per-message, per-document and per-connection bounds (section <c>Limits</c>).</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary><c>Limits:MaxMessageBytes</c>: largest update or awareness message accepted.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary><c>Limits:MaxDocumentBytes</c>: an update that would grow a document past this is refused.</summary>
    public long MaxDocumentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary><c>Limits:MaxNestingDepth</c>: how deeply shared types may nest in a document (a notebook needs 4).</summary>
    public int MaxNestingDepth { get; set; } = Collab.Crdt.Doc.DefaultMaxNestingDepth;

    /// <summary><c>Limits:MaxPendingBytes</c>: bytes of updates a room keeps while they wait for changes it lacks.</summary>
    public int MaxPendingBytes { get; set; } = Collab.Crdt.Doc.DefaultMaxPendingBytes;

    /// <summary><c>Limits:UpdatesPerSecond</c>: sustained update rate per connection.</summary>
    public double UpdatesPerSecond { get; set; } = 200;

    /// <summary><c>Limits:UpdateBurst</c>: updates a connection may send at once before the rate applies.</summary>
    public int UpdateBurst { get; set; } = 400;
}
