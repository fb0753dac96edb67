namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>
/// <see cref="Doc.ApplyUpdate"/> on mutated real updates: it succeeds or throws
/// <see cref="CrdtFormatException"/>, allocates in proportion to its input, leaves a rejecting
/// document exactly as it was, and leaves an accepting one able to encode and reload itself.
/// The mutated runs are <c>Needs=Minutes</c>: 40,000 seeded cases each, tens of seconds to minutes
/// of CPU on two cores by design; the fast path keeps the corpus replay here and the recorded
/// findings in <see cref="FuzzFindingsTests"/>.
/// </summary>
public class ApplyUpdateFuzzTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Instance;

    [Fact, Trait("Needs", "Minutes")]
    public void Mutated_updates_into_an_empty_doc() =>
        FuzzRunner.Run(nameof(Mutated_updates_into_an_empty_doc), FuzzRunner.Cases(40_000), rng =>
        {
            var doc = new Doc(new DocOptions { ClientId = 7, Gc = rng.Next(3) != 0 });
            var input = ByteMutator.Mutate(rng, Pick(rng, Corpus.Updates), Pick(rng, Corpus.Updates));
            CheckApply(doc, input, 0);
        });

    [Fact, Trait("Needs", "Minutes")]
    public void Mutated_updates_into_a_doc_with_content() =>
        FuzzRunner.Run(nameof(Mutated_updates_into_a_doc_with_content), FuzzRunner.Cases(40_000), rng =>
        {
            var (baseUpdate, next) = Pick(rng, Corpus.Continuations);
            var doc = new Doc(new DocOptions { ClientId = 7, Gc = rng.Next(3) != 0 });
            ObserveEverything(doc);
            doc.ApplyUpdate(baseUpdate);
            // Sometimes an unrelated valid update first, which can leave structs pending.
            if (rng.Next(3) == 0) doc.ApplyUpdate(Pick(rng, Corpus.Updates));
            var source = rng.Next(4) == 0 ? Pick(rng, Corpus.Updates) : next;
            var input = ByteMutator.Mutate(rng, source, Pick(rng, Corpus.Updates));
            CheckApply(doc, input, baseUpdate.Length);
        });

    [Fact]
    public void Unmutated_corpus_applies_and_reloads()
    {
        foreach (var update in Corpus.Updates) CheckApply(new Doc(new DocOptions { ClientId = 7 }), update, 0);
        foreach (var (b, next) in Corpus.Continuations)
        {
            var doc = new Doc(new DocOptions { ClientId = 7 });
            doc.ApplyUpdate(b);
            CheckApply(doc, next, b.Length);
        }
    }

    private static void CheckApply(Doc doc, byte[] input, int docSize)
    {
        var before = DocSnapshot.Of(doc);
        try
        {
            AllocationGuard.Run("ApplyUpdate", input.Length + docSize, () => doc.ApplyUpdate(input));
        }
        catch (CrdtFormatException e)
        {
            before.AssertUnchanged(DocSnapshot.Of(doc), "a rejected update", e);
            throw;
        }
        // Accepted: the document must still encode, and its encoding must load elsewhere.
        var reloaded = new Doc(new DocOptions { ClientId = 8 });
        try { reloaded.ApplyUpdate(doc.EncodeStateAsUpdate()); }
        catch (CrdtFormatException e) { throw new FuzzViolation("reload rejected", e); }
        _ = DocSnapshot.Of(doc);
    }

    /// <summary>Observers that read every event property, as an application would.</summary>
    private static void ObserveEverything(Doc doc)
    {
        foreach (var type in new Types.AbstractType[] { doc.GetText("text"), doc.GetArray("arr"), doc.GetMap("map") })
        {
            type.ObserveDeep((events, transaction) =>
            {
                foreach (var e in events) { _ = e.Delta.Count; _ = e.Keys.Count; _ = e.Path.Count; }
            });
        }
    }

    private static T Pick<T>(Random rng, List<T> list) => list[rng.Next(list.Count)];
}
