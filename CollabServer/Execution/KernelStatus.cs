namespace Collab.Server.Execution;

/// <summary>The values of <c>execution.status</c> in the shared notebook (docs/execution.md).</summary>
public static class KernelStatus
{
    public const string None = "none";
    public const string Starting = "starting";
    public const string Idle = "idle";
    public const string Busy = "busy";
    public const string Restarting = "restarting";
    public const string Interrupting = "interrupting";
    public const string Dead = "dead";
    public const string Unavailable = "unavailable";
}
