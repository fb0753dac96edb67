using System.Text.Json;
using Collab.Server.Auth;
using Collab.Server.Projects;
using StackExchange.Redis;

namespace Collab.Server.Scaling;

/// <summary>
/// Access changes over Redis pub/sub (<c>collab:access</c>): applied on this node before the
/// request that made the change answers, and on every other node as the message arrives.
/// </summary>
public sealed class RedisAccessChangeBus(IConnectionMultiplexer redis, IAccessChangeHandler revoker, ILogger<RedisAccessChangeBus> logger)
    : BackgroundService, IAccessChangeBus
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("collab:access");
    private readonly Guid _node = Guid.NewGuid();

    public async Task PublishAsync(AccessChange change)
    {
        await revoker.ApplyAsync(change);
        var message = JsonSerializer.SerializeToUtf8Bytes(new Message(_node, change.ProjectId, change.UserId, change.Role?.ToWire()));
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The store already holds the change: other nodes enforce it at each connection's next join or check.
            logger.LogWarning("Could not tell other nodes about an access change in {Project}: {Reason}", change.ProjectId, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
                queue.OnMessage(DeliverAsync);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Access change bus cannot subscribe yet ({Reason}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(ChannelMessage delivered)
    {
        Message? message;
        try { message = JsonSerializer.Deserialize<Message>((byte[])delivered.Message!); }
        catch (JsonException) { message = null; }
        if (message is null || message.Node == _node || string.IsNullOrEmpty(message.ProjectId)) return;
        ProjectRole? role = null;
        if (message.Role is not null)
        {
            if (!ProjectRoles.TryParse(message.Role, out var parsed)) return;
            role = parsed;
        }
        try
        {
            await revoker.ApplyAsync(new AccessChange(message.ProjectId, message.UserId, role));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not apply an access change in {Project}", message.ProjectId);
        }
    }

    private sealed record Message(Guid Node, string ProjectId, string? UserId, string? Role);
}
