namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>Why a generation ended.</summary>
public enum FinishReason
{
    /// <summary>The model produced an end-of-turn token (or a stop sequence matched).</summary>
    Stop,

    /// <summary>The token budget or the context window ran out.</summary>
    Length,
}
