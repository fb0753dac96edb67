using Collab.Copilot.Assistant.Answers;

namespace Collab.Copilot.Assistant;

/// <summary>The copilot: answers a question as a stream of typed events. It reads documentation and notebooks and executes nothing.</summary>
public interface ICopilot
{
    /// <summary>
    /// Streams the answer to <paramref name="request"/>; ends with <see cref="AnswerFinal"/>.
    /// Cancelling stops generation at once (the chat's "stop").
    /// </summary>
    IAsyncEnumerable<CopilotEvent> AskAsync(CopilotRequest request, CancellationToken cancellationToken = default);

    /// <summary>True when a language model is configured; false means extractive and deterministic answers only.</summary>
    bool HasModel { get; }
}
