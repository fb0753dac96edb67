using Collab.Copilot.Authoring.Redaction;
using Collab.Server.Chat;

namespace Collab.Server.Copilot;

/// <summary>Redacts secrets from chat messages addressed to the copilot before they are stored, so pasted tokens never reach chat history.</summary>
internal sealed class CopilotPasteRedactor : IChatBodyFilter
{
    public string Filter(string body, IReadOnlyList<string> mentions) =>
        mentions.Contains(ChatBots.Copilot, StringComparer.OrdinalIgnoreCase) ? SecretRedactor.Redact(body).Text : body;
}
