using Collab.Copilot.Assistant;
using Collab.Server.Errors;

namespace Collab.Server.Copilot;

/// <summary>What <see cref="CopilotAskGate"/> decided: a request to answer, or a refusal.</summary>
public sealed record CopilotAskOutcome(CopilotRequest? Request, RefusalException? Refusal)
{
    public static CopilotAskOutcome Refuse(ErrorCode code, string error, TimeSpan? retryAfter = null) => new(null, new RefusalException(code, error, retryAfter));
}
