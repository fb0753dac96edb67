namespace Collab.Server.Limits;

/// <summary>
/// A request went past a documented limit; the message names the setting. Endpoints answer it with
/// 413, and nothing was stored.
/// </summary>
public sealed class LimitExceededException(string message) : Exception(message);
