using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>
/// Real updates to mutate: three peers with small client ids (so a tweaked byte moves a
/// reference to another client) edit text with formatting and embeds, arrays, maps and nested
/// types, delete, and exchange updates. Built once per test run from a fixed seed.
/// </summary>
internal sealed class SeedCorpus
{
    /// <summary>Every update: per-transaction increments, full states, diffs and merges.</summary>
    public List<byte[]> Updates { get; } = new();
    /// <summary>A full state and an update that followed it on the same peer.</summary>
    public List<(byte[] Base, byte[] Next)> Continuations { get; } = new();
    public List<byte[]> StateVectors { get; } = new();

    private static readonly Lazy<SeedCorpus> Shared = new(() => Build(20240601));
    public static SeedCorpus Instance => Shared.Value;

    private static SeedCorpus Build(int seed)
    {
        var corpus = new SeedCorpus();
        var rng = new Random(seed);
        for (int round = 0; round < 12; round++) corpus.AddSession(rng, gc: round % 3 != 2);
        return corpus;
    }

    private void AddSession(Random rng, bool gc)
    {
        var peers = Enumerable.Range(1, 3).Select(i => new Doc(new DocOptions { ClientId = (ulong)i, Gc = gc })).ToArray();
        var increments = new List<byte[]>();
        foreach (var p in peers) p.UpdateV1 += (_, e) => increments.Add(e.Update);
        for (int step = 0; step < 40; step++)
        {
            var peer = peers[rng.Next(peers.Length)];
            byte[] before = peer.EncodeStateAsUpdate();
            int countBefore = increments.Count;
            RandomEdit(rng, peer);
            if (increments.Count > countBefore) Continuations.Add((before, increments[^1]));
            if (rng.Next(4) == 0) Sync(peers[rng.Next(peers.Length)], peer);
        }
        foreach (var a in peers)
            foreach (var b in peers)
                if (a != b) Sync(a, b);
        Updates.AddRange(increments);
        foreach (var p in peers)
        {
            Updates.Add(p.EncodeStateAsUpdate());
            StateVectors.Add(p.EncodeStateVector());
        }
        Updates.Add(Crdt.Updates.Merge(increments.Take(rng.Next(1, increments.Count + 1)).ToList()));
        Updates.Add(peers[0].EncodeStateAsUpdate(StateVectors[rng.Next(StateVectors.Count)]));
    }

    private static void Sync(Doc from, Doc to) => to.ApplyUpdate(from.EncodeStateAsUpdate(to.EncodeStateVector()));

    private static readonly string[] Words = ["a", "hello ", "é", "😀x", "line\n", "{json}"];

    private static void RandomEdit(Random rng, Doc doc)
    {
        var text = doc.GetText("text");
        var arr = doc.GetArray("arr");
        var map = doc.GetMap("map");
        switch (rng.Next(10))
        {
            case 0 or 1:
                text.Insert(rng.Next(text.Length + 1), Words[rng.Next(Words.Length)]);
                break;
            case 2:
                text.Insert(rng.Next(text.Length + 1), "bold", new Dictionary<string, object?> { ["bold"] = true });
                break;
            case 3 when text.Length > 0:
            {
                int i = rng.Next(text.Length);
                text.Format(i, rng.Next(1, text.Length - i + 1), new Dictionary<string, object?> { ["italic"] = rng.Next(2) == 0 ? true : null });
                break;
            }
            case 4 when text.Length > 0:
            {
                int i = rng.Next(text.Length);
                text.Delete(i, rng.Next(1, Math.Min(4, text.Length - i) + 1));
                break;
            }
            case 5:
                text.InsertEmbed(rng.Next(text.Length + 1), new Dictionary<string, object?> { ["image"] = "x.png" });
                break;
            case 6:
                arr.Insert(rng.Next(arr.Length + 1), 1L, "two", 3.5, null, true, new byte[] { 1, 2 },
                    new Dictionary<string, object?> { ["k"] = new List<object?> { 1L, "v" } });
                break;
            case 7:
            {
                var nested = rng.Next(3) switch { 0 => (object)new YText("nested"), 1 => new YMap(), _ => new YArray() };
                arr.Push(nested);
                if (nested is YMap m) m.Set("inner", 42L);
                if (nested is YArray a) a.Push("x", "y");
                break;
            }
            case 8 when arr.Length > 0:
            {
                int i = rng.Next(arr.Length);
                arr.Delete(i, rng.Next(1, Math.Min(3, arr.Length - i) + 1));
                break;
            }
            default:
                string key = "k" + rng.Next(4);
                if (rng.Next(4) == 0) map.Delete(key);
                else map.Set(key, rng.Next(3) == 0 ? new YArray() : (object)("v" + rng.Next(100)));
                break;
        }
    }
}
