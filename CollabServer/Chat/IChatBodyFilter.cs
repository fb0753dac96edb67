namespace Collab.Server.Chat;

/// <summary>
/// Hook that may rewrite a member's message body before it is stored (sent or edited), given the
/// mentions parsed from it. Chat registers one that redacts secrets (<see cref="ChatSecretRedactor"/>),
/// so they never reach chat history.
/// </summary>
public interface IChatBodyFilter
{
    string Filter(string body, IReadOnlyList<string> mentions);
}
