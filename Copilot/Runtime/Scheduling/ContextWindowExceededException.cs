namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>A prompt does not fit the model's context window, even after the allowed trimming.</summary>
public sealed class ContextWindowExceededException : ArgumentException
{
    /// <summary>Creates the error for a prompt of <paramref name="promptTokens"/> tokens.</summary>
    public ContextWindowExceededException(int promptTokens, int contextSize)
        : base($"The prompt needs {promptTokens} tokens but the context window holds {contextSize} (and at least one token must be left to answer).")
    {
        PromptTokens = promptTokens;
        ContextSize = contextSize;
    }

    /// <summary>Tokens the prompt needs.</summary>
    public int PromptTokens { get; }

    /// <summary>Tokens one sequence may hold.</summary>
    public int ContextSize { get; }
}
