using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Limits;

/// <summary>
/// Updates that depend on changes a document lacks wait in it; how much may wait is bounded, the
/// update past the bound is refused with the document unchanged, and edits that fill no gap don't
/// pay for what waits.
/// </summary>
public class PendingBudgetTests
{
    /// <summary>Updates of one client, each depending on the one before, so all but the first wait when the first is withheld.</summary>
    private static List<byte[]> ChainedEdits(int count, int bytesEach)
    {
        var author = new Doc(new DocOptions { ClientId = 42 });
        var updates = new List<byte[]>();
        author.UpdateV1 += (_, e) => updates.Add(e.Update);
        var text = author.GetText("t");
        for (int i = 0; i < count; i++) text.Insert(text.Length, new string((char)('a' + i % 26), bytesEach));
        return updates;
    }

    [Fact]
    public void Waiting_updates_past_the_budget_are_refused_and_the_doc_is_unchanged()
    {
        var doc = new Doc(new DocOptions { MaxPendingBytes = 10_000 });
        var edits = ChainedEdits(40, 1_000);
        int accepted = 0;
        CrdtFormatException? refused = null;
        foreach (var edit in edits.Skip(1))
        {
            var before = doc.EncodeStateAsUpdate();
            try { doc.ApplyUpdate(edit); accepted++; }
            catch (CrdtFormatException ex)
            {
                refused = ex;
                Assert.Equal(before, doc.EncodeStateAsUpdate());
                break;
            }
        }
        Assert.NotNull(refused);
        Assert.Contains("at most 10000", refused!.Message);
        Assert.InRange(accepted, 5, 10);

        // The missing first edit arrives: everything that waited integrates.
        doc.ApplyUpdate(edits[0]);
        Assert.Equal(accepted + 1, doc.GetText("t").ToString().Length / 1_000);
    }

    [Fact]
    public void Unrelated_edits_are_accepted_while_updates_wait()
    {
        var doc = new Doc(new DocOptions { MaxPendingBytes = 10_000 });
        foreach (var edit in ChainedEdits(8, 1_000).Skip(1)) doc.ApplyUpdate(edit);

        var other = new Doc(new DocOptions { ClientId = 7 });
        other.UpdateV1 += (_, e) => doc.ApplyUpdate(e.Update);
        for (int i = 0; i < 100; i++) other.GetMap("m").Set("k", i);
        Assert.Equal(99L, Convert.ToInt64(doc.GetMap("m").Get("k")));
    }

    [Fact]
    public void Deletions_of_unknown_clocks_are_bounded_too()
    {
        var doc = new Doc(new DocOptions { MaxPendingBytes = 1_000 });
        var refusedAt = -1;
        for (int i = 0; i < 1_000 && refusedAt < 0; i++)
        {
            // A delete set naming a client the document has never seen: nothing to delete yet.
            var ds = new Collab.Crdt.Store.DeleteSet();
            ds.Add((ulong)(1_000 + i), 0, 1);
            var encoder = new Collab.Crdt.Encoding.UpdateEncoderV1();
            encoder.RestEncoder.WriteVarUint(0UL);
            ds.Write(encoder);
            try { doc.ApplyUpdate(encoder.ToArray()); }
            catch (CrdtFormatException) { refusedAt = i; }
        }
        Assert.InRange(refusedAt, 50, 200);
    }
}
