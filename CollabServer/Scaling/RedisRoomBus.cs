using System.Collections.Concurrent;
using Collab.Server.Observability;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using StackExchange.Redis;

namespace Collab.Server.Scaling;

/// <summary>
/// The rooms' bus over Redis pub/sub: one channel per document (<c>collab:room:{project}/{doc}</c>),
/// one pattern subscription per node delivered in order. Publishing never waits: the ack point is
/// the store, and a message lost on the way shows up as a gap in the receivers' chains. When the
/// connection comes back every loaded room resyncs, since anything could have been lost meanwhile.
/// Updates carry their publish time, and receipt records the difference as the backplane lag
/// (between replicas, so it includes their clock difference; NTP keeps that to milliseconds).
/// </summary>
public sealed class RedisRoomBus(IConnectionMultiplexer redis, CollabMetrics metrics, TimeProvider clock, ILogger<RedisRoomBus> logger)
    : BackgroundService, IRoomBus
{
    private const string ChannelPrefix = "collab:room:";
    private static readonly TimeSpan ResyncDelay = TimeSpan.FromSeconds(1);
    private readonly Guid _node = Guid.NewGuid();
    private readonly ConcurrentDictionary<DocumentKey, Room> _rooms = new();
    private int _resyncPending;

    public IDisposable Attach(Room room)
    {
        _rooms[room.Key] = room;
        return new Attachment(this, room);
    }

    public void PublishUpdates(DocumentKey key, AppendedRange range, IReadOnlyList<byte[]> updates) =>
        Publish(key, RoomBusMessage.EncodeUpdates(_node, range, updates, clock.GetUtcNow()));

    public void PublishAwareness(DocumentKey key, byte[] update) => Publish(key, RoomBusMessage.EncodeAwareness(_node, update));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionFailed += (_, e) => logger.LogWarning("Redis connection lost ({Type}: {Failure}); rooms resync when it is back", e.ConnectionType, e.FailureType);
        redis.ConnectionRestored += (_, e) =>
        {
            logger.LogInformation("Redis connection restored ({Type})", e.ConnectionType);
            ScheduleResyncAll("redis reconnected");
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(ChannelPrefix + "*"));
                queue.OnMessage(Deliver);
                logger.LogInformation("Room bus subscribed as node {Node}", _node);
                ScheduleResyncAll("room bus subscribed");
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Room bus cannot subscribe yet ({Reason}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Publish(DocumentKey key, byte[] message)
    {
        try
        {
            redis.GetSubscriber().Publish(RedisChannel.Literal(ChannelPrefix + key), message, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogDebug("Could not publish to {Document}: {Reason}", key, ex.Message); // receivers see the gap
        }
    }

    private void Deliver(ChannelMessage delivered)
    {
        var channel = delivered.Channel.ToString();
        var slash = channel.IndexOf('/', ChannelPrefix.Length);
        if (slash < 0) return;
        var key = new DocumentKey(channel[ChannelPrefix.Length..slash], channel[(slash + 1)..]);
        if (!_rooms.TryGetValue(key, out var room)) return;
        RoomBusMessage message;
        try
        {
            message = RoomBusMessage.Decode((byte[])delivered.Message!);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            logger.LogWarning("Ignored a malformed room bus message on {Channel}: {Reason}", channel, ex.Message);
            return;
        }
        if (message.Sender == _node) return;
        if (message.SentAt is { } sentAt) metrics.RecordRedisLag(clock.GetUtcNow() - sentAt);
        if (message.Kind == RoomBusMessageKind.Updates) room.ReceiveUpdates(message.Range, message.Payloads);
        else room.ReceiveAwareness(message.Payloads[0]);
    }

    /// <summary>After a reconnect the pattern subscription is re-established by the client; resync once it has settled.</summary>
    private void ScheduleResyncAll(string reason)
    {
        if (Interlocked.Exchange(ref _resyncPending, 1) == 1) return;
        _ = Task.Delay(ResyncDelay).ContinueWith(_ =>
        {
            Volatile.Write(ref _resyncPending, 0);
            foreach (var room in _rooms.Values) room.Resync(reason);
        }, TaskScheduler.Default);
    }

    private sealed class Attachment(RedisRoomBus bus, Room room) : IDisposable
    {
        public void Dispose() => bus._rooms.TryRemove(new KeyValuePair<DocumentKey, Room>(room.Key, room));
    }
}
