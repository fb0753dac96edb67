namespace Collab.Copilot.Assistant.Answers;

/// <summary>How an answer was produced, so clients can say so plainly.</summary>
public enum AnswerMode
{
    /// <summary>A language model wrote the text from retrieved passages.</summary>
    Generated,

    /// <summary>No model: retrieved documentation passages quoted as written.</summary>
    Extractive,

    /// <summary>Rule-based tools (drafters, validators, linters, the error catalogue), with or without a model.</summary>
    Deterministic,
}
