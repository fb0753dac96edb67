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

    /// <summary><c>Limits:SyncRequestsPerMinute</c>: sync step 1 messages (and hub joins) a connection may send per minute.</summary>
    public int SyncRequestsPerMinute { get; set; } = 60;

    /// <summary><c>Limits:SyncRequestBurst</c>: sync requests a connection may send at once before the rate applies.</summary>
    public int SyncRequestBurst { get; set; } = 10;

    /// <summary>
    /// <c>Limits:MaxQueuedBytesPerConnection</c>: bytes waiting to be sent to one client; a client that
    /// reads slower than its room changes is disconnected past this (one message larger than this is
    /// still sent when nothing else waits, so a whole document always gets through).
    /// </summary>
    public long MaxQueuedBytesPerConnection { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// <c>Limits:SlowReaderCloseSeconds</c>: how long a y-websocket client that fell behind by more than
    /// <see cref="MaxQueuedBytesPerConnection"/> gets to take the send in progress, so it can be closed
    /// with a reason (1013); past it the socket is aborted.
    /// </summary>
    public int SlowReaderCloseSeconds { get; set; } = 5;

    /// <summary><c>Limits:MessageAssemblySeconds</c>: time a client has to finish a message once it started sending it.</summary>
    public int MessageAssemblySeconds { get; set; } = 30;

    /// <summary><c>Limits:MaxConnectionsPerUser</c>: open y-websocket and hub connections of one user, on one node.</summary>
    public int MaxConnectionsPerUser { get; set; } = 64;

    /// <summary><c>Limits:MaxConnectionsPerAddress</c>: open connections from one remote address, on one node (raise it behind a proxy that hides addresses).</summary>
    public int MaxConnectionsPerAddress { get; set; } = 512;
}
