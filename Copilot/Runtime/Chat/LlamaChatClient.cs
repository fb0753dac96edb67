using System.Runtime.CompilerServices;
using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.Chat;

/// <summary>
/// <see cref="IChatClient"/> over the in-process llama.cpp runtime. Requests share the
/// model through continuous batching; a full queue throws <see cref="ModelBusyException"/>.
/// Non-streaming responses are the streamed updates joined, so both give the same text.
/// Options: temperature, top-p, top-k, seed, frequency/presence penalty, stop sequences,
/// max output tokens, JSON response format (with or without schema, enforced by grammar),
/// plus <c>min_p</c>, <c>repetition_penalty</c>, <c>grammar</c> and <c>user</c> in
/// <see cref="ChatOptions.AdditionalProperties"/>.
/// </summary>
public sealed class LlamaChatClient(LlamaRuntime runtime) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("llama.cpp", null, runtime.ModelId);

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var scheduler = runtime.Scheduler;
        var sampling = ChatOptionsMapping.ToSampling(options);
        if (options?.MaxOutputTokens is <= 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxOutputTokens must be positive.");
        var budget = options?.MaxOutputTokens ?? Math.Min(512, scheduler.ContextSize / 4);
        var prompt = ChatPromptBuilder.Build(runtime.Model, messages, scheduler.ContextSize, Math.Min(budget, scheduler.ContextSize - 1));
        var maxTokens = options?.MaxOutputTokens ?? scheduler.ContextSize - prompt.Length;

        var responseId = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow;
        var request = scheduler.Submit(prompt, maxTokens, sampling, ChatOptionsMapping.FairnessKey(options), cancellationToken);
        var decoder = new Utf8TokenDecoder(runtime.Model);
        var stops = new StopSequenceFilter(options?.StopSequences ?? []);
        var generated = 0;

        ChatResponseUpdate Update(string text) => new(ChatRole.Assistant, text)
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = runtime.ModelId,
            CreatedAt = created,
        };

        try
        {
            await foreach (var token in request.Tokens.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // Tokens already decoded may be buffered; a cancelled caller gets none of them.
                cancellationToken.ThrowIfCancellationRequested();
                generated++;
                var text = stops.Push(decoder.Append(token));
                if (text.Length > 0) yield return Update(text);
                if (stops.Stopped)
                {
                    scheduler.Stop(request);
                    break;
                }
            }
        }
        finally
        {
            // The consumer left early (or a stop sequence matched): free the sequence now.
            scheduler.Stop(request);
        }
        cancellationToken.ThrowIfCancellationRequested();

        if (!stops.Stopped)
        {
            var rest = stops.Push(decoder.Flush()) + stops.Flush();
            if (rest.Length > 0) yield return Update(rest);
        }
        var final = Update("");
        final.Contents.Clear();
        final.FinishReason = stops.Stopped || request.FinishReason == FinishReason.Stop ? ChatFinishReason.Stop : ChatFinishReason.Length;
        final.Contents.Add(new UsageContent(new UsageDetails
        {
            InputTokenCount = prompt.Length,
            OutputTokenCount = generated,
            TotalTokenCount = prompt.Length + generated,
        }));
        yield return final;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(LlamaRuntime) ? runtime
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        // The runtime is shared and owned by whoever created it (the DI container).
    }
}
