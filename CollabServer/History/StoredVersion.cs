namespace Collab.Server.History;

/// <summary>A version with its compressed Yjs state (<see cref="VersionState.Decompress"/>).</summary>
public sealed record StoredVersion(NotebookVersion Version, byte[] CompressedState);
