namespace Collab.Server.Copilot;

/// <summary>Per-user limit on copilot questions: configuration section <c>Copilot:RateLimit</c>.</summary>
public sealed class CopilotRateLimitOptions
{
    public const string Section = "Copilot:RateLimit";

    /// <summary><c>Copilot:RateLimit:RequestsPerMinute</c>: sustained questions per user per minute.</summary>
    public int RequestsPerMinute { get; set; } = 10;

    /// <summary><c>Copilot:RateLimit:Burst</c>: questions a user may ask at once before the per-minute rate applies.</summary>
    public int Burst { get; set; } = 5;
}
