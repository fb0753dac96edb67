namespace Collab.Server.Chat;

/// <summary>Authors that are not project members but can be mentioned and can stream replies.</summary>
public static class ChatBots
{
    public const string Copilot = "copilot";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Copilot };
}
