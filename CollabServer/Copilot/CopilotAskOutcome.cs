using Collab.Copilot.Assistant;

namespace Collab.Server.Copilot;

/// <summary>What <see cref="CopilotAskGate"/> decided: a request to answer, or a refusal with its HTTP status.</summary>
public sealed record CopilotAskOutcome(CopilotRequest? Request, int Status, string? Error, TimeSpan RetryAfter)
{
    public static CopilotAskOutcome Refuse(int status, string error, TimeSpan retryAfter = default) => new(null, status, error, retryAfter);
}
