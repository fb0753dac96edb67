using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>One append in a room's chain; <see cref="Updates"/> is null when the Doc already holds them (the room's own).</summary>
internal sealed record ChainLink(AppendedRange Range, IReadOnlyList<byte[]>? Updates);
