using System.Collections.Concurrent;
using Collab.Server.Errors;
using Collab.Server.Limits;
using Microsoft.Extensions.Options;

namespace Collab.Server.Chat;

/// <summary>
/// One token bucket per user (<c>Chat:MessagesPerSecond</c>, <c>Chat:MessageBurst</c>) for sends,
/// edits, deletes and typing, whichever way they come (hub or REST, any number of connections).
/// </summary>
public sealed class ChatRateLimiter(IOptions<ChatOptions> options)
{
    // Forgetting a full bucket loses nothing (a fresh one is full too), so the map stays as small as the active users.
    private const int SweepAbove = 10_000;
    private readonly ChatOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, UpdateRateLimiter> _buckets = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>Takes one token from <paramref name="userId"/>'s bucket or refuses with <see cref="ErrorCode.RateLimited"/>.</summary>
    public void Acquire(string userId)
    {
        if (!Bucket(userId).TryAcquire(out var retryAfter))
            throw new ChatException(ErrorCode.RateLimited,
                $"Rate limit exceeded: at most {_options.MessagesPerSecond} chat messages per second per user (Chat:MessagesPerSecond); nothing was changed.",
                retryAfter);
    }

    /// <summary>For ephemeral traffic (typing) that is dropped rather than refused.</summary>
    public bool TryAcquire(string userId) => Bucket(userId).TryAcquire();

    private UpdateRateLimiter Bucket(string userId)
    {
        if (_buckets.Count > SweepAbove && Environment.TickCount64 >= Interlocked.Read(ref _nextSweep))
        {
            Interlocked.Exchange(ref _nextSweep, Environment.TickCount64 + 1000); // at most once a second
            foreach (var (user, bucket) in _buckets)
                if (bucket.IsFull) _buckets.TryRemove(new KeyValuePair<string, UpdateRateLimiter>(user, bucket));
        }
        return _buckets.GetOrAdd(userId, _ => new UpdateRateLimiter(_options.MessagesPerSecond, _options.MessageBurst));
    }
}
