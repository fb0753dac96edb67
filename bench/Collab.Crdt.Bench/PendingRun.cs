using System.Diagnostics;
using Collab.Crdt.Store;

namespace Collab.Crdt.Bench;

/// <summary>
/// The cost of an ordinary small update while a backlog waits for a missing change: structs of
/// one client whose first edit is withheld, and deletions of clocks nobody has sent. Issue 15
/// measured ~63 ms per 13-byte update with 24 MB waiting; it must not grow with the backlog.
/// </summary>
internal static class PendingRun
{
    public static (long ParkedBytes, double MicrosPerUpdate) Measure(int parkedEdits, int deleteRanges, int updates = 2_000)
    {
        var doc = new Doc(new DocOptions { MaxPendingBytes = int.MaxValue });
        var author = new Doc(new DocOptions { ClientId = 42 });
        var edits = new List<byte[]>();
        author.UpdateV1 += (_, e) => edits.Add(e.Update);
        var text = author.GetText("t");
        for (int i = 0; i <= parkedEdits; i++) text.Insert(text.Length, new string('a', 1_000));
        if (edits.Count > 1) doc.ApplyUpdate(Updates.Merge(edits.Skip(1).ToList())); // one update whose first dependency is missing
        for (int i = 0; i < deleteRanges; i += 1_000)
        {
            var ds = new DeleteSet();
            for (int k = i; k < Math.Min(deleteRanges, i + 1_000); k++) ds.Add((ulong)(10_000 + k), 0, 1);
            var encoder = new Encoding.UpdateEncoderV1();
            encoder.RestEncoder.WriteVarUint(0UL);
            ds.Write(encoder);
            doc.ApplyUpdate(encoder.ToArray());
        }

        var other = new Doc(new DocOptions { ClientId = 7 });
        var small = new List<byte[]>();
        other.UpdateV1 += (_, e) => small.Add(e.Update);
        for (int i = 0; i < updates; i++) other.GetMap("m").Set("k", i);
        var watch = Stopwatch.StartNew();
        foreach (var update in small) doc.ApplyUpdate(update);
        watch.Stop();
        long parked = edits.Skip(1).Sum(e => (long)e.Length) + deleteRanges * 8L;
        return (parked, watch.Elapsed.TotalMicroseconds / updates);
    }
}
