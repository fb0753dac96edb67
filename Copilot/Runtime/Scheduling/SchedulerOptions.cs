namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>Sizes of the continuous-batching scheduler.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Tokens one sequence may hold (prompt plus answer).</summary>
    public int ContextSize { get; init; } = 4096;

    /// <summary>Sequences decoded together; each has its own slice of the KV cache.</summary>
    public int ParallelSequences { get; init; } = 4;

    /// <summary>Most tokens submitted in one decode call (prompt chunks plus one per running sequence).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Requests that may wait for a free sequence before callers get <see cref="ModelBusyException"/>.</summary>
    public int QueueCapacity { get; init; } = 32;

    /// <summary>CPU threads for decoding (0 = half the processors, about one per physical core).</summary>
    public int Threads { get; init; }
}
