using System.Text.Json.Serialization;

namespace Collab.Server.Chat;

/// <summary>Where a message is in its life: bots create it open and stream into it before closing it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChatMessageState>))]
public enum ChatMessageState
{
    /// <summary>Open: chunks are still being appended (a streamed bot reply).</summary>
    [JsonStringEnumMemberName("streaming")]
    Streaming = 1,
    /// <summary>Closed normally; every message a person sends starts here.</summary>
    [JsonStringEnumMemberName("complete")]
    Complete = 2,
    /// <summary>Closed because the writer gave up; the body holds what streamed before that.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed = 3,
    /// <summary>
    /// Closed by the server because its writer is gone (a restart, a replica that stopped
    /// renewing it); the body holds what streamed, with a note. Retry asks again.
    /// </summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted = 4,
}
