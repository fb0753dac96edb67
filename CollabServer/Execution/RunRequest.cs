namespace Collab.Server.Execution;

/// <summary>Body of <c>POST …/run</c>: <c>mode</c> is <c>cells</c>, <c>all</c> or <c>below</c> (from <c>cellIds[0]</c>).</summary>
public sealed record RunRequest(string? Mode, IReadOnlyList<string>? CellIds);

/// <summary>Body of <c>PUT …/kernel</c>.</summary>
public sealed record ChangeKernelRequest(string? Name);

/// <summary>The cells a run request queued, in order.</summary>
public sealed record RunResult(IReadOnlyList<string> Queued);
