namespace Collab.Copilot.Authoring.Diagnosis.Describe;

/// <summary>
/// What a pasted <c>kubectl describe</c> (pod, node, pvc, job) or <c>kubectl get events</c> output states,
/// read by its structure rather than line by line: the Events rows, each container's state, last state,
/// exit code, declared ports and probes, and the Conditions rows. Line numbers are 1-based lines of the paste.
/// </summary>
public sealed record DescribeOutput(
    IReadOnlyList<EventRow> Events,
    IReadOnlyList<ContainerStatus> Containers,
    IReadOnlyList<ConditionRow> Conditions)
{
    /// <summary>Rows of <c>kubectl get pods|nodes|pvc</c> tables in the paste.</summary>
    public IReadOnlyList<StatusRow> Rows { get; init; } = [];

    /// <summary>True when the paste held none of these structures.</summary>
    public bool IsEmpty => Events.Count == 0 && Containers.Count == 0 && Conditions.Count == 0 && Rows.Count == 0;
}

/// <summary>
/// One row of a <c>kubectl get</c> table: the object's name, its STATUS cell and, for pods, READY and RESTARTS.
/// <see cref="IsHealthy"/>: a pod Running with all containers ready and no restarts, a pod Completed without
/// restarts, a Ready node, a Bound claim — rows that show nothing wrong.
/// </summary>
public sealed record StatusRow(int Line, string Name, string Status, string? Ready, string? Restarts)
{
    public bool IsHealthy => Status switch
    {
        "Running" => Ready is null || (Ready.Split('/') is [var up, var all] && up == all && up != "0" && Restarts is null or "0"),
        "Completed" or "Succeeded" => Restarts is null or "0",
        "Ready" or "Bound" or "Active" => true,
        _ => false,
    };
}

/// <summary>One row of an Events table (<c>Type Reason Age From Message</c>, or <c>LAST SEEN TYPE REASON OBJECT MESSAGE</c>).</summary>
public sealed record EventRow(int Line, string Type, string Reason, string Source, string Message)
{
    public bool IsWarning => Type.Equals("Warning", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A container section of <c>kubectl describe pod</c>.</summary>
/// <param name="Name">The container's name.</param>
/// <param name="Line">The line its section starts on.</param>
/// <param name="State">Its State (Running, Waiting, Terminated).</param>
/// <param name="StateReason">The Reason under State.</param>
/// <param name="LastState">Its Last State, where the cause of a restart is.</param>
/// <param name="LastStateReason">The Reason under Last State.</param>
/// <param name="ExitCode">The exit code under Last State, else under State.</param>
/// <param name="Ports">Declared container ports, each with the line that declares it.</param>
/// <param name="Probes">Liveness/readiness/startup probes with a numeric port.</param>
public sealed record ContainerStatus(
    string Name,
    int Line,
    string? State,
    string? StateReason,
    string? LastState,
    string? LastStateReason,
    int? ExitCode,
    IReadOnlyList<(int Port, int Line)> Ports,
    IReadOnlyList<ProbeSpec> Probes)
{
    /// <summary>The line of the Reason under State (the current state), when there is one.</summary>
    public int? StateReasonLine { get; init; }
}

/// <summary>A probe line such as <c>Liveness: http-get http://:8080/healthz …</c>.</summary>
public sealed record ProbeSpec(string Kind, int Port, int Line);

/// <summary>
/// One row of a Conditions table (pod: <c>Type Status</c>; node: <c>Type Status … Reason Message</c>; job:
/// <c>Type Status Reason Message</c>). <see cref="ReportsProblem"/> is false for a row that states a normal
/// state: a pressure, NetworkUnavailable or Failed condition that is not True, or a Ready, Initialized,
/// PodScheduled or ContainersReady condition that is True. Rows of other types count as problems.
/// </summary>
public sealed record ConditionRow(int Line, string Type, string Status)
{
    public bool ReportsProblem =>
        ProblemWhenTrue(Type) ? Status == "True"
        : NormalWhenTrue(Type) ? Status != "True"
        : true;

    private static bool ProblemWhenTrue(string type) =>
        type.EndsWith("Pressure", StringComparison.Ordinal) || type is "NetworkUnavailable" or "DisruptionTarget" or "Failed";

    private static bool NormalWhenTrue(string type) =>
        type is "Ready" or "Initialized" or "PodScheduled" or "ContainersReady" or "PodReadyToStartContainers" or "Complete" or "Available" or "Progressing";
}
