using Microsoft.Extensions.Options;

namespace Collab.Copilot.Assistant.Hosting;

/// <summary>Checks <c>Copilot:Answers</c> at start, naming the bad key.</summary>
internal sealed class CopilotAnswerOptionsValidator : IValidateOptions<CopilotAnswerOptions>
{
    public ValidateOptionsResult Validate(string? name, CopilotAnswerOptions o)
    {
        var errors = new List<string>();
        void Range(string key, int value, int min, int max)
        {
            if (value < min || value > max) errors.Add($"Copilot:Answers:{key} must be {min} to {max}, not {value}.");
        }
        Range(nameof(o.PassagesPerAnswer), o.PassagesPerAnswer, 1, 20);
        Range(nameof(o.ExtractivePassages), o.ExtractivePassages, 1, 10);
        Range(nameof(o.MaxQuotedChars), o.MaxQuotedChars, 100, 20_000);
        Range(nameof(o.MaxPassageChars), o.MaxPassageChars, 200, 50_000);
        Range(nameof(o.MaxNotebookChars), o.MaxNotebookChars, 0, 200_000);
        Range(nameof(o.MaxAnswerTokens), o.MaxAnswerTokens, 16, 32_768);
        Range(nameof(o.MaxQuestionChars), o.MaxQuestionChars, 100, 1_000_000);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
