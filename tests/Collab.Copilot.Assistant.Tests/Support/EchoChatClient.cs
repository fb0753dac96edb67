using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>
/// A test double for a fully compromised model: it streams back everything it was sent, system
/// message first, and records the messages. It stands in for the worst a model can do with a
/// prompt, to prove the guard around it — it is never used as an answer source outside tests.
/// </summary>
public sealed class EchoChatClient : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Received { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Received.Add(list);
        foreach (var message in list)
            foreach (var line in message.Text.Split('\n'))
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, line + "\n");
            }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
