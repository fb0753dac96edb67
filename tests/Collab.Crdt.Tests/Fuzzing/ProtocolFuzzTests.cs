using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;

namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>
/// Mutated sync and awareness messages: success or <see cref="CrdtFormatException"/>, and no change on rejection.
/// Both are <c>Needs=Minutes</c>: 12,000 seeded cases each, most of a minute of CPU on a busy two-core machine.
/// </summary>
public class ProtocolFuzzTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Instance;

    [Fact, Trait("Needs", "Minutes")]
    public void Mutated_sync_messages() =>
        FuzzRunner.Run(nameof(Mutated_sync_messages), FuzzRunner.Cases(12_000), rng =>
        {
            var (baseUpdate, next) = Corpus.Continuations[rng.Next(Corpus.Continuations.Count)];
            var doc = new Doc(new DocOptions { ClientId = 7 });
            doc.ApplyUpdate(baseUpdate);
            if (rng.Next(3) == 0) doc.ApplyUpdate(Corpus.Updates[rng.Next(Corpus.Updates.Count)]); // may leave pending structs
            var message = ByteMutator.Mutate(rng, SyncMessage(rng, next), SyncMessage(rng, baseUpdate));
            var before = DocSnapshot.Of(doc);
            try
            {
                AllocationGuard.Run("ReadSyncMessage", message.Length + baseUpdate.Length,
                    () => SyncProtocol.ReadSyncMessage(new Lib0Reader(message), new Lib0Writer(), doc, "fuzz"));
            }
            catch (CrdtFormatException e)
            {
                before.AssertUnchanged(DocSnapshot.Of(doc), "a rejected sync message", e);
                throw;
            }
        });

    [Fact, Trait("Needs", "Minutes")]
    public void Mutated_awareness_updates() =>
        FuzzRunner.Run(nameof(Mutated_awareness_updates), FuzzRunner.Cases(12_000), rng =>
        {
            var awareness = new Awareness(1);
            awareness.SetLocalState(JsonNode.Parse("""{"user":{"name":"A","color":"#f00"}}"""));
            awareness.ApplyUpdate(PeerUpdate(rng, 2), "setup");
            var input = ByteMutator.Mutate(rng, PeerUpdate(rng, (ulong)rng.Next(1, 5)), PeerUpdate(rng, 3));
            string before = Describe(awareness);
            int events = 0;
            awareness.Changed += _ => events++;
            awareness.Updated += _ => events++;
            try
            {
                AllocationGuard.Run("Awareness.Decode", input.Length, () => Awareness.Decode(input));
                AllocationGuard.Run("Awareness.ApplyUpdate", input.Length, () => awareness.ApplyUpdate(input, "fuzz"));
            }
            catch (CrdtFormatException e)
            {
                if (Describe(awareness) != before || events > 0) throw new FuzzViolation("a rejected awareness update changed the states", e);
                throw;
            }
        });

    private static byte[] SyncMessage(Random rng, byte[] update)
    {
        var w = new Lib0Writer();
        switch (rng.Next(3))
        {
            case 0: SyncProtocol.WriteSyncStep1(w, Corpus.StateVectors[rng.Next(Corpus.StateVectors.Count)]); break;
            case 1: SyncProtocol.WriteSyncStep2(w, update); break;
            default: SyncProtocol.WriteUpdate(w, update); break;
        }
        return w.ToArray();
    }

    private static byte[] PeerUpdate(Random rng, ulong client)
    {
        var peer = new Awareness(client);
        for (int i = rng.Next(1, 4); i > 0; i--)
            peer.SetLocalState(rng.Next(4) == 0 ? null : JsonNode.Parse($$$"""{"user":{"name":"P{{{client}}}"},"cursor":{"anchor":{{{rng.Next(100)}}},"head":[1,2.5,null,true]}}"""));
        var clients = new List<ulong> { client };
        if (rng.Next(2) == 0) clients.Add(client + 10); // unknown to the peer: encoded as null
        return peer.EncodeUpdate(clients);
    }

    private static string Describe(Awareness awareness) =>
        string.Join(";", awareness.GetStates().OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value?.ToJsonString()}"))
        + "|" + Convert.ToHexString(awareness.EncodeUpdate(awareness.GetStates().Keys.Append(2UL).Append(3UL)));
}
