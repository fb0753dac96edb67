namespace Collab.Server.Chat;

/// <summary>The stored spelling of <see cref="ChatMessageState"/> ("streaming", "complete", "failed", "interrupted").</summary>
public static class ChatMessageStates
{
    public static string ToStored(this ChatMessageState state) => state switch
    {
        ChatMessageState.Streaming => "streaming",
        ChatMessageState.Complete => "complete",
        ChatMessageState.Failed => "failed",
        ChatMessageState.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static ChatMessageState Parse(string text) => text switch
    {
        "streaming" => ChatMessageState.Streaming,
        "complete" => ChatMessageState.Complete,
        "failed" => ChatMessageState.Failed,
        "interrupted" => ChatMessageState.Interrupted,
        _ => throw new FormatException($"Unknown chat message state '{text}'."),
    };
}
