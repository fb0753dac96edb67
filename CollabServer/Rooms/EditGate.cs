using Collab.Crdt;
using Collab.Server.Errors;
using Collab.Server.Limits;

namespace Collab.Server.Rooms;

/// <summary>
/// The checks every message a client sends to a room passes, in one order for both transports
/// (hub and y-websocket): role → size → rate → room. Every refusal is a <see cref="RefusalException"/>
/// with its documented code, so both transports report the same codes; nothing is applied on a
/// refusal. One per connection: it holds the connection's rate limiters.
/// </summary>
public sealed class EditGate(LimitOptions limits)
{
    private readonly UpdateRateLimiter _messages = new(limits);
    private readonly UpdateRateLimiter _syncRequests = UpdateRateLimiter.ForSyncRequests(limits);

    /// <summary>Refuses an update the peer may not send now (viewer, too large, too fast).</summary>
    public void CheckUpdate(RoomPeer peer, byte[]? update)
    {
        CheckMember(peer);
        if (!peer.CanEdit) throw new RefusalException(ErrorCode.Forbidden, "Forbidden: viewers cannot change this document; the update was not applied.");
        CheckSize(update, "update");
        CheckRate(_messages, MessageRate);
    }

    /// <summary>Refuses an awareness update of a revoked peer, or one that is too large or comes too fast.</summary>
    public void CheckAwareness(RoomPeer peer, byte[]? update)
    {
        CheckMember(peer);
        CheckSize(update, "awareness update");
        CheckRate(_messages, MessageRate);
    }

    /// <summary>
    /// Refuses a sync request (y-websocket sync step 1, hub join) past its rate: each one makes the
    /// server encode a diff of the whole document.
    /// </summary>
    public void CheckSyncRequest(byte[]? stateVector)
    {
        CheckSize(stateVector, "state vector");
        CheckRate(_syncRequests, SyncRequestRate);
    }

    /// <summary>Passes the gate, then applies the update through the room; room failures come out as refusals (<see cref="ToRefusal"/>).</summary>
    public Task ApplyUpdateAsync(RoomPeer peer, byte[] update)
    {
        CheckUpdate(peer, update);
        return Guard(() => peer.Room!.ApplyUpdateAsync(peer, update));
    }

    /// <summary>Passes the gate, then publishes the awareness update through the room.</summary>
    public Task ApplyAwarenessAsync(RoomPeer peer, byte[] update)
    {
        CheckAwareness(peer, update);
        return Guard(() => peer.Room!.ApplyAwarenessAsync(peer, update));
    }

    /// <summary>Runs room work, turning its failures into refusals with codes.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ToRefusal(ex) is { } refusal && refusal != ex)
        {
            throw refusal;
        }
    }

    public static Task Guard(Func<Task> action) => Guard(async () => { await action(); return true; });

    /// <summary>
    /// The refusal a room failure means for the client: refusals keep their code, malformed input is
    /// <see cref="ErrorCode.Invalid"/>, a room that went away is <see cref="ErrorCode.Unavailable"/>
    /// (rejoin). Null for anything else (a server fault).
    /// </summary>
    public static RefusalException? ToRefusal(Exception ex) => ex switch
    {
        RefusalException refusal => refusal,
        CrdtFormatException format => new RefusalException(ErrorCode.Invalid, $"Malformed message: {format.Message} Nothing was applied."),
        RoomClosedException or RoomUnavailableException => new RoomGoneRefusal(ex.Message),
        _ => null,
    };

    // The room checks membership too (an update queued before a revocation); this answers a revoked
    // connection the same way after its room has unloaded.
    private static void CheckMember(RoomPeer peer)
    {
        if (peer.Revoked) throw new RefusalException(ErrorCode.Forbidden, "Forbidden: you are no longer a member of this project; nothing was applied.");
    }

    private void CheckSize(byte[]? payload, string what)
    {
        if (payload is null) throw new RefusalException(ErrorCode.Invalid, $"The {what} is missing.");
        if (payload.Length > limits.MaxMessageBytes)
            throw new RefusalException(ErrorCode.TooLarge,
                $"The {what} has {payload.Length} bytes, over Limits:MaxMessageBytes ({limits.MaxMessageBytes}); it was not applied.");
    }

    // The limit's wording is built only for a refusal: every update passes here.
    private static readonly Func<LimitOptions, string> MessageRate =
        l => $"at most {l.UpdatesPerSecond} updates and awareness messages per second (Limits:UpdatesPerSecond)";

    private static readonly Func<LimitOptions, string> SyncRequestRate =
        l => $"at most {l.SyncRequestsPerMinute} sync requests per minute (Limits:SyncRequestsPerMinute)";

    private void CheckRate(UpdateRateLimiter limiter, Func<LimitOptions, string> limit)
    {
        if (!limiter.TryAcquire(out var retryAfter))
            throw new RefusalException(ErrorCode.RateLimited, $"Rate limit exceeded: {limit(limits)}; the message was not applied.", retryAfter);
    }
}
