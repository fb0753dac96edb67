using System.Threading.Channels;
using Collab.Server.Chat;

namespace Collab.Server.Tests.Chat;

/// <summary>Stands in for the copilot: records the mentions it is told about; the test writes its replies.</summary>
public sealed class ScriptedBot : IChatMentionListener
{
    private readonly Channel<(string Bot, ChatMessage Message)> _mentions = Channel.CreateUnbounded<(string, ChatMessage)>();

    public Task OnBotMentionedAsync(string bot, ChatMessage message, CancellationToken ct) =>
        _mentions.Writer.WriteAsync((bot, message), ct).AsTask();

    public async Task<(string Bot, ChatMessage Message)> NextMentionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _mentions.Reader.ReadAsync(timeout.Token);
    }
}
