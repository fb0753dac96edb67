namespace Collab.Server.History;

public sealed record CheckpointRequest(string? Name);
