namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// The model's request queue is full. Callers should retry after <see cref="RetryAfter"/>
/// (the OpenAI endpoint answers 429 with a Retry-After header).
/// </summary>
public sealed class ModelBusyException : Exception
{
    /// <summary>Creates the error with the suggested wait.</summary>
    public ModelBusyException(TimeSpan retryAfter)
        : base($"The language model is busy; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s.") => RetryAfter = retryAfter;

    /// <summary>How long to wait before trying again (whole seconds, at least one).</summary>
    public TimeSpan RetryAfter { get; }
}
