namespace Collab.Server.Storage;

/// <summary>One Yjs v1 update in a document's append-only log; <see cref="Seq"/> grows store-wide.</summary>
public sealed record LogEntry(long Seq, byte[] Update);
