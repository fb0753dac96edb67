using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

/// <summary>
/// One token bucket per user, shared by chat mentions, the hub and the SSE endpoint, so a user
/// gets the same allowance however they ask. Refusals say the limit, the key that sets it and
/// when to try again.
/// </summary>
public sealed class CopilotRateLimiter : IDisposable
{
    private readonly CopilotRateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _limiter;

    public CopilotRateLimiter(IOptions<CopilotRateLimitOptions> options)
    {
        _options = options.Value;
        var period = TimeSpan.FromMinutes(1) / _options.RequestsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one question from <paramref name="userId"/>'s allowance; on refusal <paramref name="refusal"/> says why.</summary>
    public bool TryAcquire(string userId, out string refusal, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            (refusal, retryAfter) = ("", TimeSpan.Zero);
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1) / _options.RequestsPerMinute;
        refusal = $"You are asking the copilot too quickly: at most {_options.RequestsPerMinute} questions per minute " +
                  $"(bursts of {_options.Burst}) per user (Copilot:RateLimit). Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.";
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
