namespace Collab.Server.Chat;

/// <summary>Why a chat request was refused; the hub and REST map these to their own error shapes.</summary>
public enum ChatErrorKind
{
    /// <summary>Bad input: empty or too long body, unknown reply-to, bad cursor (HTTP 400).</summary>
    Invalid,
    /// <summary>The message does not exist in this project (HTTP 404).</summary>
    NotFound,
    /// <summary>The caller's role or authorship does not allow it (HTTP 403).</summary>
    Forbidden,
    /// <summary>The message is in a state that does not allow it, e.g. already closed (HTTP 409).</summary>
    Conflict,
}
