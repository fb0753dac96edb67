namespace Collab.Server.Backup;

/// <summary>
/// One notebook: <see cref="IpynbEntry"/> holds it as nbformat 4.5 for people and other tools,
/// <see cref="CrdtEntry"/> its whole CRDT state as one Yjs v1 update, which restore uses so the
/// restored document is the same CRDT (same client ids and history) rather than a re-import.
/// </summary>
public sealed record BackupNotebook(string Name, DateTimeOffset CreatedAt, string IpynbEntry, string CrdtEntry);
