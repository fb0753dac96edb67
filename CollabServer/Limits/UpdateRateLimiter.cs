using System.Diagnostics;

namespace Collab.Server.Limits;

/// <summary>
/// Token bucket for one connection: <see cref="LimitOptions.UpdateBurst"/> tokens, refilled at
/// <see cref="LimitOptions.UpdatesPerSecond"/>. Cheap enough to call on every message.
/// </summary>
public sealed class UpdateRateLimiter(LimitOptions options)
{
    private readonly Lock _gate = new();
    private double _tokens = options.UpdateBurst;
    private long _last = Stopwatch.GetTimestamp();

    public bool TryAcquire() => TryAcquire(out _);

    /// <summary>On refusal, <paramref name="retryAfter"/> is when the next token is there.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < 1)
            {
                retryAfter = TimeSpan.FromSeconds((1 - _tokens) / options.UpdatesPerSecond);
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
                return _tokens >= options.UpdateBurst;
            }
        }
    }

    private void Refill()
    {
        var now = Stopwatch.GetTimestamp();
        _tokens = Math.Min(options.UpdateBurst, _tokens + Stopwatch.GetElapsedTime(_last, now).TotalSeconds * options.UpdatesPerSecond);
        _last = now;
    }
}
