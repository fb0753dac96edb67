using Collab.Server.Scaling;
using Microsoft.Extensions.Options;

namespace Collab.Server.Chat;

/// <summary>
/// Streaming messages whose writer is gone become <see cref="ChatMessageState.Interrupted"/>
/// instead of streaming forever. At start on a single node every open message is a leftover of
/// the previous run (nothing streams before the server does). Then, every quarter of
/// <c>Chat:StreamTimeoutSeconds</c>, this replica renews the streams it writes and closes any
/// stream nobody renewed within the timeout (a replica that crashed or was killed).
/// </summary>
internal sealed class ChatStreamWatchdog(
    ChatService chat,
    IOptions<ChatOptions> options,
    IOptions<ClusterOptions> cluster,
    TimeProvider clock,
    ILogger<ChatStreamWatchdog> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (cluster.Value.Mode == ClusterMode.Single)
        {
            var leftovers = await chat.InterruptStaleStreamsAsync(DateTimeOffset.MaxValue, cancellationToken);
            if (leftovers > 0) logger.LogWarning("{Count} chat replies were still streaming when the server last stopped; marked interrupted", leftovers);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.StreamTimeoutSeconds);
        using var timer = new PeriodicTimer(timeout / 4, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await chat.RenewOpenStreamsAsync(stoppingToken);
                await chat.InterruptStaleStreamsAsync(clock.GetUtcNow() - timeout, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Renewing or closing streaming chat messages failed; trying again in {Interval}", timeout / 4);
            }
        }
    }
}
