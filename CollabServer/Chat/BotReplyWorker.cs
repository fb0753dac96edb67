using System.Collections.Concurrent;

namespace Collab.Server.Chat;

/// <summary>
/// Runs bot replies off the senders' requests: takes each <see cref="BotReplyRequest"/> from the
/// <see cref="BotReplyQueue"/> and starts the listeners' answers side by side (a long answer does
/// not hold up the next). Every answer is awaited here: a failure is logged and reported in the
/// chat as a failed message from the bot, replying to the question, so it is never lost.
/// </summary>
public sealed class BotReplyWorker(
    BotReplyQueue queue,
    IEnumerable<IChatMentionListener> listeners,
    IChatBotWriter chat,
    IHostApplicationLifetime lifetime,
    ILogger<BotReplyWorker> logger) : BackgroundService
{
    private readonly IChatMentionListener[] _listeners = listeners.ToArray();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                foreach (var listener in request.Listener is { } only ? [only] : _listeners)
                {
                    // On the pool, as a listener may do some work before its first await.
                    var reply = Task.Run(() => ReplyAsync(listener, request), CancellationToken.None);
                    _running.TryAdd(reply, true);
                    _ = reply.ContinueWith(t => _running.TryRemove(t, out var _), TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Replies end on ApplicationStopping (their token); wait for their closing notes.
        await Task.WhenAll(_running.Keys);
    }

    private async Task ReplyAsync(IChatMentionListener listener, BotReplyRequest request)
    {
        var question = request.Question;
        try
        {
            await listener.OnBotMentionedAsync(request.Bot, question, lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Bot {Bot} ({Listener}) failed to answer message {MessageId} in {Project}",
                request.Bot, listener.GetType().Name, question.Id, question.ProjectId);
            if (!lifetime.ApplicationStopping.IsCancellationRequested) await BotReplyFailure.ReportAsync(chat, request, logger);
        }
    }
}
