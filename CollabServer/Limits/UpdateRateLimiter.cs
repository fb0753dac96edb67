using System.Diagnostics;

namespace Collab.Server.Limits;

/// <summary>
/// Token bucket for one connection: <paramref name="burst"/> tokens, refilled at
/// <paramref name="perSecond"/>. Cheap enough to call on every message.
/// </summary>
public sealed class UpdateRateLimiter(double perSecond, int burst)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>The update and awareness limit: <see cref="LimitOptions.UpdateBurst"/> at <see cref="LimitOptions.UpdatesPerSecond"/>.</summary>
    public UpdateRateLimiter(LimitOptions options) : this(options.UpdatesPerSecond, options.UpdateBurst) { }

    /// <summary>The limit on sync requests (each makes the server encode a diff of the whole document).</summary>
    public static UpdateRateLimiter ForSyncRequests(LimitOptions options) =>
        new(options.SyncRequestsPerMinute / 60.0, options.SyncRequestBurst);

    public bool TryAcquire() => TryAcquire(out _);

    /// <summary>On refusal, <paramref name="retryAfter"/> is when the next token is there.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < 1)
            {
                retryAfter = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
                return false;
            }
            _tokens -= 1;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>True once the bucket refilled completely: then it is no different from a fresh one and may be forgotten.</summary>
    public bool IsFull
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens >= burst;
            }
        }
    }

    private void Refill()
    {
        var now = Stopwatch.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + Stopwatch.GetElapsedTime(_last, now).TotalSeconds * perSecond);
        _last = now;
    }
}
