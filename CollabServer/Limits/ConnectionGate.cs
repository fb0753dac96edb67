using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Collab.Server.Limits;

/// <summary>
/// Counts this node's open connections per user and per remote address, so one user (or one
/// host) can't hold thousands of sockets: <see cref="LimitOptions.MaxConnectionsPerUser"/> and
/// <see cref="LimitOptions.MaxConnectionsPerAddress"/>. Both transports take a lease here.
/// </summary>
public sealed class ConnectionGate(IOptions<LimitOptions> limits)
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    /// <summary>A lease to dispose when the connection ends, or null with the refusal in <paramref name="refusal"/>.</summary>
    public IDisposable? TryEnter(string userId, string? address, out string? refusal)
    {
        var userKey = "u:" + userId;
        var addressKey = "a:" + (address ?? "unknown");
        refusal = null;
        if (Increment(userKey) > limits.Value.MaxConnectionsPerUser)
            refusal = $"Too many connections: at most {limits.Value.MaxConnectionsPerUser} per user (Limits:MaxConnectionsPerUser); close some first.";
        else if (Increment(addressKey) > limits.Value.MaxConnectionsPerAddress)
        {
            Decrement(addressKey);
            refusal = $"Too many connections from this address: at most {limits.Value.MaxConnectionsPerAddress} (Limits:MaxConnectionsPerAddress).";
        }
        else return new Lease(this, userKey, addressKey);
        Decrement(userKey);
        return null;
    }

    private int Increment(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    private void Decrement(string key)
    {
        while (_counts.TryGetValue(key, out var n))
        {
            if (n <= 1 ? _counts.TryRemove(new KeyValuePair<string, int>(key, n)) : _counts.TryUpdate(key, n - 1, n)) return;
        }
    }

    private sealed class Lease(ConnectionGate gate, string userKey, string addressKey) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            gate.Decrement(userKey);
            gate.Decrement(addressKey);
        }
    }
}
