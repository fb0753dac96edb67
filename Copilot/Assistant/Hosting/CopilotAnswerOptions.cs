namespace Collab.Copilot.Assistant.Hosting;

/// <summary>How answers are built: configuration section <c>Copilot:Answers</c>.</summary>
public sealed class CopilotAnswerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Copilot:Answers";

    /// <summary>Passages given to the model for one answer.</summary>
    public int PassagesPerAnswer { get; set; } = 4;

    /// <summary>Passages quoted in an extractive answer.</summary>
    public int ExtractivePassages { get; set; } = 3;

    /// <summary>Characters quoted from one passage in an extractive answer.</summary>
    public int MaxQuotedChars { get; set; } = 1200;

    /// <summary>Characters of one passage given to the model.</summary>
    public int MaxPassageChars { get; set; } = 2000;

    /// <summary>Characters of notebook context given to the model.</summary>
    public int MaxNotebookChars { get; set; } = 6000;

    /// <summary>Tokens the model may generate for one answer.</summary>
    public int MaxAnswerTokens { get; set; } = 700;

    /// <summary>Longest question (with its paste) accepted, in characters.</summary>
    public int MaxQuestionChars { get; set; } = 40_000;
}
