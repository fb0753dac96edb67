using System.Diagnostics;
using System.Runtime.CompilerServices;
using Collab.Copilot.Assistant;
using Collab.Copilot.Assistant.Answers;

namespace Collab.Server.Observability;

/// <summary>
/// Records the copilot's latency (time to the first answer event, labelled by mode) and how many
/// questions are waiting for or receiving an answer (the copilot queue depth).
/// </summary>
internal sealed class MeteredCopilot(ICopilot inner, CollabMetrics metrics) : ICopilot
{
    public bool HasModel => inner.HasModel;

    public async IAsyncEnumerable<CopilotEvent> AskAsync(CopilotRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        bool first = true;
        metrics.AdjustCopilotQueueDepth(1);
        try
        {
            await foreach (var e in inner.AskAsync(request, cancellationToken))
            {
                if (first)
                {
                    first = false;
                    metrics.RecordCopilotLatency(Stopwatch.GetElapsedTime(started), HasModel ? "model" : "extractive");
                }
                yield return e;
            }
        }
        finally
        {
            metrics.AdjustCopilotQueueDepth(-1);
        }
    }
}
