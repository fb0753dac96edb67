using Collab.Copilot.Authoring.Redaction;

namespace Collab.Server.Chat;

/// <summary>
/// Redacts secrets from every member's message before it is stored, sent or edited. Chat history
/// is kept, broadcast and backed up, so a token pasted for a colleague leaks as surely as one
/// pasted for the copilot. The copilot's own replies are redacted as they stream, in the copilot.
/// </summary>
internal sealed class ChatSecretRedactor : IChatBodyFilter
{
    public string Filter(string body, IReadOnlyList<string> mentions) => SecretRedactor.Redact(body).Text;
}
