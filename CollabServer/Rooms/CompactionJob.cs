using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>A snapshot taken inside a room's actor, covering its log up to <see cref="UpToSeq"/>.</summary>
public sealed record CompactionJob(DocumentKey Key, byte[] Snapshot, long UpToSeq, Action<bool> Done);
