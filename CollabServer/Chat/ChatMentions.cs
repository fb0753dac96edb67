namespace Collab.Server.Chat;

/// <summary>How a message's mentions are kept in one column: names joined by spaces (names never contain one).</summary>
internal static class ChatMentions
{
    public static string Join(IReadOnlyList<string> mentions) => string.Join(' ', mentions);

    public static IReadOnlyList<string> Split(string stored) =>
        stored.Length == 0 ? [] : stored.Split(' ');
}
