using System.Threading.Channels;

namespace Collab.Server.Chat;

/// <summary>
/// Replies waiting for <see cref="BotReplyWorker"/>. Bounded: a flood of mentions is refused at the
/// door (<see cref="TryEnqueue"/> false) instead of piling up work without limit.
/// </summary>
public sealed class BotReplyQueue
{
    /// <summary>Waiting replies at most; each running reply has left the queue.</summary>
    public const int Capacity = 1024;

    private readonly Channel<BotReplyRequest> _channel = Channel.CreateBounded<BotReplyRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(BotReplyRequest request) => _channel.Writer.TryWrite(request);

    internal ChannelReader<BotReplyRequest> Reader => _channel.Reader;
}
