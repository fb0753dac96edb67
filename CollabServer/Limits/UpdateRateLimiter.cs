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

    public bool TryAcquire()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(options.UpdateBurst, _tokens + Stopwatch.GetElapsedTime(_last, now).TotalSeconds * options.UpdatesPerSecond);
            _last = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
