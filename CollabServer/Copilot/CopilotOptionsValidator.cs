using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

/// <summary>Checks <c>Copilot:Docs</c> and <c>Copilot:RateLimit</c> at start, naming the bad key.</summary>
internal sealed class CopilotOptionsValidator : IValidateOptions<CopilotDocsOptions>, IValidateOptions<CopilotRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, CopilotDocsOptions options) =>
        !string.IsNullOrWhiteSpace(options.Path) && !Directory.Exists(options.Path)
            ? ValidateOptionsResult.Fail($"Copilot:Docs:Path '{options.Path}' is not a folder ({System.IO.Path.GetFullPath(options.Path)}).")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, CopilotRateLimitOptions options)
    {
        var errors = new List<string>();
        if (options.RequestsPerMinute is < 1 or > 10_000) errors.Add($"Copilot:RateLimit:RequestsPerMinute must be 1 to 10000, not {options.RequestsPerMinute}.");
        if (options.Burst is < 1 or > 10_000) errors.Add($"Copilot:RateLimit:Burst must be 1 to 10000, not {options.Burst}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
