using Microsoft.Extensions.AI;

namespace Collab.Server.Observability;

/// <summary>Counts the tokens the language model generates, from the usage it reports.</summary>
internal sealed class MeteredChatClient(IChatClient inner, CollabMetrics metrics) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        Record(response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            foreach (var usage in update.Contents.OfType<UsageContent>()) Record(usage.Details);
            yield return update;
        }
    }

    private void Record(UsageDetails? usage)
    {
        if (usage?.OutputTokenCount is long tokens and > 0) metrics.CopilotTokensGenerated((int)Math.Min(tokens, int.MaxValue));
    }
}
