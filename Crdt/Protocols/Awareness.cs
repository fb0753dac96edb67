using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;

namespace Collab.Crdt.Protocols;

/// <summary>
/// The y-protocols awareness CRDT: per client, a JSON state (user, cursor, selection) with a
/// clock. A null state means the client left. Remote states time out after
/// <see cref="OutdatedTimeout"/> without an update.
/// </summary>
public sealed class Awareness
{
    /// <summary>How long a remote state lives without an update (y-protocols' <c>outdatedTimeout</c>, 30 s).</summary>
    public static readonly TimeSpan OutdatedTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<ulong, JsonNode?> _states = new();
    private readonly Dictionary<ulong, (int Clock, DateTimeOffset LastUpdated)> _meta = new();
    private readonly TimeProvider _time;

    /// <summary>Awareness for the local client <paramref name="clientId"/> (usually the doc's <see cref="Doc.ClientId"/>), like y-protocols' <c>new Awareness(doc)</c>; not thread-safe.</summary>
    /// <param name="clientId">The local client's id.</param>
    /// <param name="time">Clock for timeouts; the system clock by default (tests pass a fake one).</param>
    public Awareness(ulong clientId, TimeProvider? time = null)
    {
        ClientId = clientId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The local client's id.</summary>
    public ulong ClientId { get; }

    /// <summary>Raised when states were added or removed, or changed content.</summary>
    public event Action<AwarenessChange>? Changed;
    /// <summary>Raised on every applied state, also when only the clock moved (y-protocols' "update").</summary>
    public event Action<AwarenessChange>? Updated;

    /// <summary>All known states by client id, the local one included; a live view, not a copy.</summary>
    public IReadOnlyDictionary<ulong, JsonNode?> GetStates() => _states;

    /// <summary>The local client's state, or null when it has none (it left).</summary>
    public JsonNode? GetLocalState() => _states.GetValueOrDefault(ClientId);

    /// <summary>Sets the local state and bumps its clock (y-protocols <c>setLocalState</c>); null marks the client as gone. Raises <see cref="Updated"/>, and <see cref="Changed"/> when the content differs.</summary>
    public void SetLocalState(JsonNode? state)
    {
        int clock = _meta.TryGetValue(ClientId, out var m) ? m.Clock + 1 : 0;
        var prev = _states.GetValueOrDefault(ClientId);
        if (state is null) _states.Remove(ClientId);
        else _states[ClientId] = state;
        _meta[ClientId] = (clock, _time.GetUtcNow());
        var added = new List<ulong>();
        var updated = new List<ulong>();
        var removed = new List<ulong>();
        var filteredUpdated = new List<ulong>();
        if (state is null) removed.Add(ClientId);
        else if (prev is null) added.Add(ClientId);
        else
        {
            updated.Add(ClientId);
            if (!JsonNode.DeepEquals(prev, state)) filteredUpdated.Add(ClientId);
        }
        if (added.Count + filteredUpdated.Count + removed.Count > 0)
            Changed?.Invoke(new AwarenessChange(added, filteredUpdated, removed, "local"));
        Updated?.Invoke(new AwarenessChange(added, updated, removed, "local"));
    }

    /// <summary>Encodes the states of <paramref name="clients"/> (y-protocols <c>encodeAwarenessUpdate</c>).</summary>
    public byte[] EncodeUpdate(IEnumerable<ulong> clients)
    {
        var list = clients.ToList();
        var w = new Lib0Writer();
        w.WriteVarUint((ulong)list.Count);
        foreach (var client in list)
        {
            var state = _states.GetValueOrDefault(client);
            w.WriteVarUint(client);
            w.WriteVarUint(_meta.TryGetValue(client, out var m) ? m.Clock : 0);
            w.WriteVarString(state is null ? "null" : state.ToJsonString());
        }
        return w.ToArray();
    }

    /// <summary>Applies a remote awareness update. Throws <see cref="CrdtFormatException"/> on malformed input, changing nothing.</summary>
    public void ApplyUpdate(byte[] update, object? origin)
    {
        var entries = Decode(update);
        var now = _time.GetUtcNow();
        var added = new List<ulong>();
        var updated = new List<ulong>();
        var filteredUpdated = new List<ulong>();
        var removed = new List<ulong>();
        foreach (var (clientId, entryClock, state) in entries)
        {
            int clock = entryClock;
            int currClock = _meta.TryGetValue(clientId, out var m) ? m.Clock : 0;
            var prevState = _states.GetValueOrDefault(clientId);
            bool known = _meta.ContainsKey(clientId);
            if (known && !(currClock < clock || (currClock == clock && state is null && _states.ContainsKey(clientId))))
                continue;
            if (state is null)
            {
                // Never let a remote peer remove our own state: answer with a newer clock instead.
                if (clientId == ClientId && GetLocalState() is not null) clock++;
                else _states.Remove(clientId);
            }
            else _states[clientId] = state;
            _meta[clientId] = (clock, now);
            if (!known && state is not null) added.Add(clientId);
            else if (known && state is null) removed.Add(clientId);
            else if (state is not null)
            {
                if (!JsonNode.DeepEquals(state, prevState)) filteredUpdated.Add(clientId);
                updated.Add(clientId);
            }
        }
        if (added.Count + filteredUpdated.Count + removed.Count > 0)
            Changed?.Invoke(new AwarenessChange(added, filteredUpdated, removed, origin));
        if (added.Count + updated.Count + removed.Count > 0)
            Updated?.Invoke(new AwarenessChange(added, updated, removed, origin));
    }

    /// <summary>Removes the states of <paramref name="clients"/> (a connection closed).</summary>
    public void RemoveStates(IEnumerable<ulong> clients, object? origin)
    {
        var removed = new List<ulong>();
        foreach (var client in clients)
        {
            if (!_states.Remove(client)) continue;
            if (client == ClientId && _meta.TryGetValue(client, out var m)) _meta[client] = (m.Clock + 1, _time.GetUtcNow());
            removed.Add(client);
        }
        if (removed.Count == 0) return;
        Changed?.Invoke(new AwarenessChange([], [], removed, origin));
        Updated?.Invoke(new AwarenessChange([], [], removed, origin));
    }

    /// <summary>Removes remote states not renewed within <see cref="OutdatedTimeout"/>; returns them.</summary>
    public IReadOnlyList<ulong> RemoveOutdated()
    {
        var now = _time.GetUtcNow();
        var outdated = _meta.Where(kv => kv.Key != ClientId && _states.ContainsKey(kv.Key) && now - kv.Value.LastUpdated >= OutdatedTimeout)
            .Select(kv => kv.Key).ToList();
        RemoveStates(outdated, "timeout");
        return outdated;
    }

    /// <summary>Decodes an awareness update: (client, clock, state or null) per entry.</summary>
    public static IReadOnlyList<(ulong ClientId, int Clock, JsonNode? State)> Decode(byte[] update)
    {
        var r = new Lib0Reader(update);
        int n = r.ReadCount("awareness entry count", 3);
        var result = new List<(ulong, int, JsonNode?)>(n);
        for (int i = 0; i < n; i++)
        {
            ulong client = r.ReadVarUint();
            int clock = r.ReadVarUintAsInt("awareness clock");
            string json = r.ReadVarString();
            JsonNode? state;
            try { state = JsonNode.Parse(json); }
            catch (System.Text.Json.JsonException e) { throw new CrdtFormatException("An awareness state is not valid JSON.", e); }
            result.Add((client, clock, state));
        }
        return result;
    }
}
