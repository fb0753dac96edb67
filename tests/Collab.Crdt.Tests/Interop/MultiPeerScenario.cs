using System.Text.Json.Nodes;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// One seeded run: 3-5 peers, some yjs and some C#, edit concurrently and exchange updates in
/// random order, duplicated, delayed, merged, diffed and by state-vector sync.
///
/// Every peer exists on both sides, with the same client id, and runs the same ops on both; the
/// two updates must be byte-identical. A yjs peer's update travels as yjs encoded it, a C#
/// peer's as C# encoded it, so yjs decodes C# updates and the other way round. Every delivery
/// is applied on both sides in the same order, so each peer's C# and yjs docs must encode to
/// identical bytes, and all peers must converge. The Node commands are batched and run at the
/// next yjs edit or check.
/// </summary>
public sealed class MultiPeerScenario
{
    private sealed record Peer(int Index, string Name, bool IsYjs, Doc Doc, EventLog? Events);
    private sealed record Message(int To, string Update);
    /// <summary>A Node command whose result (bytes, a list of them, or null for none) must equal the C# bytes.</summary>
    private sealed record BytesCheck(int Command, IReadOnlyList<byte[]> Expected, string What);
    private sealed record StateCheck(int Command, Peer Peer);
    private sealed record EventsCheck(int Command, string Expected, string What);

    private readonly YjsPeer _yjs;
    private readonly int _seed;
    private readonly Random _rnd;
    private readonly List<Peer> _peers = new();
    private readonly Dictionary<string, byte[]> _updates = new();
    private readonly List<Message> _network = new();
    private readonly List<JsonObject> _batch = new();
    private readonly List<BytesCheck> _bytesChecks = new();
    private readonly List<StateCheck> _stateChecks = new();
    private readonly List<EventsCheck> _eventsChecks = new();
    private readonly List<string>? _trace;
    private int _names;
    private string _step = "setup";

    /// <param name="trace">Records every action, for replaying one seed: the failure message lists them.</param>
    public MultiPeerScenario(YjsPeer yjs, int seed, bool trace = false)
    {
        _trace = trace ? new List<string>() : null;
        _yjs = yjs;
        _seed = seed;
        _rnd = new Random(seed);
    }

    public void Run()
    {
        Queue(new JsonObject { ["c"] = "reset" });
        CreatePeers();
        // Now and then a long run, so texts grow long enough for search markers to matter.
        int steps = _rnd.Next(8) == 0 ? _rnd.Next(120, 250) : _rnd.Next(15, 50);
        for (int s = 0; s < steps; s++)
        {
            _step = $"step {s}";
            int roll = _rnd.Next(100);
            if (roll < 45 || _network.Count == 0) Edit(_peers[_rnd.Next(_peers.Count)]);
            else if (roll < 78) Deliver(_network[_rnd.Next(_network.Count)]);
            else if (roll < 86) MergedDelivery();
            else if (roll < 91) DiffDelivery(_network[_rnd.Next(_network.Count)]);
            else if (roll < 96) Sync(_peers[_rnd.Next(_peers.Count)], _peers[_rnd.Next(_peers.Count)]);
            else CheckPeer(_peers[_rnd.Next(_peers.Count)]);
        }
        _step = "final delivery";
        while (_network.Count > 0)
        {
            if (_rnd.Next(6) == 0) MergedDelivery();
            else Deliver(_network[_rnd.Next(_network.Count)]);
        }
        _step = "final check";
        foreach (var peer in _peers) CheckPeer(peer);
        Flush();
        string Content(Peer p) => WireValues.Canonical(WireValues.SortKeys(WireValues.DeepState(p.Doc)));
        var first = Content(_peers[0]);
        foreach (var peer in _peers.Skip(1))
            Expect(first == Content(peer), $"{peer.Name} did not converge with {_peers[0].Name}:\n  {Content(peer)}\n  {first}\n  {SyncState(peer)}\n  {SyncState(_peers[0])}");

        static string SyncState(Peer p) => $"{p.Name}: state vector {Hex(p.Doc.EncodeStateVector())}, pending structs {p.Doc.Store.PendingStructs is not null}, pending deletes {p.Doc.Store.PendingDs is not null}";
    }

    private void CreatePeers()
    {
        int count = _rnd.Next(3, 6);
        var ids = new HashSet<ulong>();
        bool gc = _rnd.Next(4) != 0;
        // Observing types the roots from the start; half the seeds leave them untyped until used.
        bool observe = _rnd.Next(2) == 0;
        for (int i = 0; i < count; i++)
        {
            // Small and large ids, so encoders must sort clients numerically, not by first byte.
            ulong id;
            do id = _rnd.Next(2) == 0 ? (ulong)_rnd.Next(1, 200) : (ulong)_rnd.NextInt64(1, 0xFFFF0000);
            while (!ids.Add(id));
            bool isYjs = i == 0 || (i != 1 && _rnd.Next(2) == 0);
            var doc = new Doc(new DocOptions { ClientId = id, Gc = gc });
            var peer = new Peer(i, "p" + i, isYjs, doc, observe ? new EventLog(doc) : null);
            _peers.Add(peer);
            Queue(new JsonObject { ["c"] = "new", ["d"] = peer.Name, ["id"] = id, ["gc"] = gc, ["observe"] = observe });
        }
    }

    /// <summary>
    /// One transaction of random ops on both sides. Observers can start transactions of their
    /// own (computing a text event's delta deletes redundant formats), so an edit yields a list
    /// of updates, all of which travel.
    /// </summary>
    private void Edit(Peer peer)
    {
        var ops = new JsonArray();
        var updates = new List<byte[]>();
        void OnUpdate(object? _, UpdateEventArgs e) => updates.Add(e.Update);
        peer.Doc.UpdateV1 += OnUpdate;
        try
        {
            int count = _rnd.Next(4) == 0 ? 1 + _rnd.Next(4) : 1;
            peer.Doc.Transact(_ =>
            {
                for (int i = 0; i < count; i++)
                {
                    var op = RandomEdits.Next(_rnd, peer.Doc);
                    ops.Add(op);
                    EditOps.Apply(peer.Doc, op);
                }
            });
        }
        finally
        {
            peer.Doc.UpdateV1 -= OnUpdate;
        }
        var name = "u" + _names++;
        var what = $"{peer.Name}: the updates of the edit {ops.ToJsonString()}";
        if (peer.IsYjs)
        {
            // The yjs updates travel, so compare them right away.
            ExpectBytes(new JsonObject { ["c"] = "edit", ["d"] = peer.Name, ["ops"] = ops.DeepClone(), ["out"] = name }, updates, what);
            updates = Flush()[^1]!.AsArray().Select(YjsPeer.Bytes).ToList();
        }
        else
        {
            // The mirror runs the ops too (an edit that makes no update can still split a
            // surrogate pair in yjs), but the C# updates are the ones that travel.
            ExpectBytes(new JsonObject { ["c"] = "edit", ["d"] = peer.Name, ["ops"] = ops.DeepClone() }, updates, what);
            for (int i = 0; i < updates.Count; i++)
                Queue(new JsonObject { ["c"] = "put", ["out"] = $"{name}.{i}", ["u"] = YjsPeer.Base64(updates[i]) });
        }
        ExpectEvents(peer, $"the events of {peer.Name}'s edit {ops.ToJsonString()}");
        _trace?.Add($"{_step}: {peer.Name} edits {ops.ToJsonString()} -> {(updates.Count == 0 ? "no update" : string.Join(", ", updates.Select((_, i) => $"{name}.{i}")))}");
        if (_trace is not null) CheckPeer(peer);
        for (int i = 0; i < updates.Count; i++) Broadcast(peer, $"{name}.{i}", updates[i]);
    }

    /// <summary>Sends an update to every other peer, now and then twice.</summary>
    private void Broadcast(Peer from, string name, byte[] update)
    {
        _updates[name] = update;
        foreach (var other in _peers.Where(p => p != from))
        {
            _network.Add(new Message(other.Index, name));
            if (_rnd.Next(5) == 0) _network.Add(new Message(other.Index, name));
        }
    }

    private void Deliver(Message message)
    {
        _network.Remove(message);
        Apply(_peers[message.To], message.Update);
    }

    /// <summary>
    /// Applies an update on both sides. Applying can cause local updates (the cleanup of
    /// concurrent text formatting); they must match too, and travel to the other peers.
    /// </summary>
    private void Apply(Peer peer, string update)
    {
        _trace?.Add($"{_step}: {peer.Name} applies {update}");
        var caused = new List<byte[]>();
        void OnUpdate(object? _, UpdateEventArgs e)
        {
            if (e.Transaction.Local) caused.Add(e.Update);
        }
        peer.Doc.UpdateV1 += OnUpdate;
        try
        {
            peer.Doc.ApplyUpdate(_updates[update]);
        }
        catch (Exception e)
        {
            throw Failure($"{peer.Name}: C# could not apply {update} {Hex(_updates[update])}: {e}");
        }
        finally
        {
            peer.Doc.UpdateV1 -= OnUpdate;
        }
        var name = "c" + _names++;
        ExpectBytes(new JsonObject { ["c"] = "apply", ["d"] = peer.Name, ["u"] = "@" + update, ["out"] = name },
            caused, $"{peer.Name}: the local updates caused by applying {update}");
        ExpectEvents(peer, $"the events of {peer.Name} applying {update}");
        for (int i = 0; i < caused.Count; i++)
        {
            _trace?.Add($"{_step}: {peer.Name} cleans up formatting -> {name}.{i}");
            Broadcast(peer, $"{name}.{i}", caused[i]);
        }
        // When replaying a seed, stop at the first action after which the two sides differ.
        if (_trace is not null) CheckPeer(peer);
    }

    /// <summary>Merges several of one peer's waiting messages and delivers the result.</summary>
    private void MergedDelivery()
    {
        var byPeer = _network.GroupBy(m => m.To).Where(g => g.Count() >= 2).ToList();
        if (byPeer.Count == 0) return;
        var messages = byPeer[_rnd.Next(byPeer.Count)].OrderBy(_ => _rnd.Next()).Take(2 + _rnd.Next(3)).ToList();
        foreach (var m in messages) _network.Remove(m);
        var name = "m" + _names++;
        var merged = Updates.Merge(messages.Select(m => _updates[m.Update]).ToList());
        ExpectBytes(new JsonObject { ["c"] = "merge", ["us"] = new JsonArray(messages.Select(m => (JsonNode)("@" + m.Update)).ToArray()), ["out"] = name },
            merged, $"mergeUpdates({string.Join(",", messages.Select(m => m.Update))})");
        _trace?.Add($"{_step}: {name} = merge {string.Join(",", messages.Select(m => m.Update))}");
        _updates[name] = merged;
        Apply(_peers[messages[0].To], name);
    }

    /// <summary>Delivers only what the receiver lacks of a message, via diffUpdate.</summary>
    private void DiffDelivery(Message message)
    {
        _network.Remove(message);
        var peer = _peers[message.To];
        var sv = StateVector(peer);
        var name = "d" + _names++;
        var diff = Updates.Diff(_updates[message.Update], _updates[sv]);
        ExpectBytes(new JsonObject { ["c"] = "diff", ["u"] = "@" + message.Update, ["sv"] = "@" + sv, ["out"] = name }, diff, $"diffUpdate({message.Update}, {sv})");
        ExpectBytes(new JsonObject { ["c"] = "svFromUpdate", ["u"] = "@" + name }, Updates.EncodeStateVectorFromUpdate(diff), $"encodeStateVectorFromUpdate({name})");
        _trace?.Add($"{_step}: {name} = diff {message.Update} against {peer.Name}'s state");
        _updates[name] = diff;
        Apply(peer, name);
    }

    /// <summary>Sync step 2: <paramref name="to"/> receives what <paramref name="from"/> has beyond its state vector.</summary>
    private void Sync(Peer from, Peer to)
    {
        if (from == to) return;
        var sv = StateVector(to);
        var name = "s" + _names++;
        var update = from.Doc.EncodeStateAsUpdate(_updates[sv]);
        ExpectBytes(new JsonObject { ["c"] = "encode", ["d"] = from.Name, ["sv"] = "@" + sv, ["out"] = name },
            update, $"{from.Name}: encodeStateAsUpdate(doc, {to.Name}'s state vector)");
        _trace?.Add($"{_step}: {name} = {from.Name}'s state beyond {to.Name}'s");
        _updates[name] = update;
        Apply(to, name);
    }

    private string StateVector(Peer peer)
    {
        var name = "v" + _names++;
        var sv = peer.Doc.EncodeStateVector();
        ExpectBytes(new JsonObject { ["c"] = "sv", ["d"] = peer.Name, ["out"] = name }, sv, $"{peer.Name}: encodeStateVector");
        _updates[name] = sv;
        return name;
    }

    private void CheckPeer(Peer peer)
    {
        ExpectBytes(new JsonObject { ["c"] = "encode", ["d"] = peer.Name }, peer.Doc.EncodeStateAsUpdate(), $"{peer.Name}: encodeStateAsUpdate");
        StateVector(peer);
        _stateChecks.Add(new StateCheck(_batch.Count, peer));
        Queue(new JsonObject { ["c"] = "state", ["d"] = peer.Name });
        Flush();
    }

    private void Queue(JsonObject command) => _batch.Add(command);

    /// <summary>Compares the events the peer's observers saw since the last comparison.</summary>
    private void ExpectEvents(Peer peer, string what)
    {
        if (peer.Events is null) return;
        _eventsChecks.Add(new EventsCheck(_batch.Count, peer.Events.Take(), $"{peer.Name}: {what}"));
        Queue(new JsonObject { ["c"] = "events", ["d"] = peer.Name });
    }

    private void ExpectBytes(JsonObject command, byte[] expected, string what) => ExpectBytes(command, [expected], what);

    private void ExpectBytes(JsonObject command, IReadOnlyList<byte[]> expected, string what)
    {
        _bytesChecks.Add(new BytesCheck(_batch.Count, expected, what));
        Queue(command);
    }

    /// <summary>Runs the queued Node commands and checks their results against the C# side.</summary>
    private JsonArray Flush()
    {
        if (_batch.Count == 0) return new JsonArray();
        JsonArray results;
        try
        {
            results = _yjs.Batch(_batch);
        }
        catch (YjsPeerException e)
        {
            // A difference found earlier in the batch explains the failure better.
            Check(e.Results!);
            throw Failure(e.Message);
        }
        Check(results);
        _batch.Clear();
        _bytesChecks.Clear();
        _stateChecks.Clear();
        _eventsChecks.Clear();
        return results;
    }

    private void Check(JsonArray results)
    {
        foreach (var check in _bytesChecks.Where(c => c.Command < results.Count))
        {
            var result = results[check.Command];
            var actual = result switch
            {
                null => [],
                JsonArray list => list.Select(YjsPeer.Bytes).ToList(),
                _ => new List<byte[]> { YjsPeer.Bytes(result) },
            };
            Expect(actual.Count == check.Expected.Count && actual.Zip(check.Expected).All(p => SameBytes(p.First, p.Second)),
                $"{check.What} differs.\n  yjs {string.Join(" ", actual.Select(Hex))}\n  C#  {string.Join(" ", check.Expected.Select(Hex))}");
        }
        foreach (var check in _eventsChecks.Where(c => c.Command < results.Count))
        {
            var yjsEvents = WireValues.Canonical((string)results[check.Command]!);
            Expect(yjsEvents == check.Expected, $"{check.What} differ.\n  yjs {yjsEvents}\n  C#  {check.Expected}");
        }
        foreach (var check in _stateChecks.Where(c => c.Command < results.Count))
        {
            var state = results[check.Command]!;
            var yjsJson = WireValues.Canonical((string)state["json"]!);
            var csJson = WireValues.Canonical(WireValues.JsonState(check.Peer.Doc));
            Expect(yjsJson == csJson, $"{check.Peer.Name}: toJSON differs.\n  yjs {yjsJson}\n  C#  {csJson}");
            var yjsDeep = WireValues.Canonical((string)state["deep"]!);
            var csDeep = WireValues.Canonical(WireValues.DeepState(check.Peer.Doc));
            Expect(yjsDeep == csDeep, $"{check.Peer.Name}: content (with text deltas) differs.\n  yjs {yjsDeep}\n  C#  {csDeep}");
        }
    }

    private void Expect(bool condition, string message)
    {
        if (!condition) throw Failure(message);
    }

    private InteropFailure Failure(string message) =>
        new($"seed {_seed}, {_step}: {message}\n  peers: {string.Join(", ", _peers.Select(p => $"{p.Name}={(p.IsYjs ? "yjs" : "C#")}#{p.Doc.ClientId}"))}"
            + (_trace is null ? "" : "\n  script:\n    " + string.Join("\n    ", _trace)));

    private static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static string Hex(byte[]? b) => b is null ? "(none)" : Convert.ToHexString(b).ToLowerInvariant();
}

public sealed class InteropFailure(string message) : Exception(message);
