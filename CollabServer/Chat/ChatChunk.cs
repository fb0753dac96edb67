namespace Collab.Server.Chat;

/// <summary>
/// Text appended to a streaming message. <see cref="Offset"/> is the body's length (UTF-16 units,
/// as JavaScript counts) before the chunk: a client whose copy is already longer skips what it
/// has, one whose copy is shorter has missed a chunk and reloads the message.
/// </summary>
public sealed record ChatChunk(string ProjectId, long MessageId, int Offset, string Text);
