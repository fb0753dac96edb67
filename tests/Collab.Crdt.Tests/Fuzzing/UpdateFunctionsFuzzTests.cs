namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>
/// The document-free update functions on mutated input: success or
/// <see cref="CrdtFormatException"/>, bounded allocation, and well-formed output on success.
/// All <c>Needs=Minutes</c>, as every seeded mutation run: 42,000 cases together, from ten seconds to
/// most of a minute of CPU on a busy two-core machine.
/// </summary>
public class UpdateFunctionsFuzzTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Instance;

    [Fact, Trait("Needs", "Minutes")]
    public void Merge_of_mutated_updates() =>
        FuzzRunner.Run(nameof(Merge_of_mutated_updates), FuzzRunner.Cases(12_000), rng =>
        {
            var inputs = Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Pick(rng, Corpus.Updates)).ToList();
            int mutated = rng.Next(inputs.Count);
            inputs[mutated] = ByteMutator.Mutate(rng, inputs[mutated], Pick(rng, Corpus.Updates));
            var merged = Guarded("Merge", inputs.Sum(u => u.Length), () => Updates.Merge(inputs));
            CheckWellFormed("Merge", merged);
        });

    [Fact, Trait("Needs", "Minutes")]
    public void Diff_of_mutated_updates_and_state_vectors() =>
        FuzzRunner.Run(nameof(Diff_of_mutated_updates_and_state_vectors), FuzzRunner.Cases(12_000), rng =>
        {
            var update = Pick(rng, Corpus.Updates);
            var sv = Pick(rng, Corpus.StateVectors);
            if (rng.Next(3) != 0) update = ByteMutator.Mutate(rng, update, Pick(rng, Corpus.Updates));
            else sv = ByteMutator.Mutate(rng, sv, Pick(rng, Corpus.StateVectors));
            var diff = Guarded("Diff", update.Length + sv.Length, () => Updates.Diff(update, sv));
            CheckWellFormed("Diff", diff);
        });

    [Fact, Trait("Needs", "Minutes")]
    public void State_vector_from_mutated_updates() =>
        FuzzRunner.Run(nameof(State_vector_from_mutated_updates), FuzzRunner.Cases(12_000), rng =>
        {
            var update = ByteMutator.Mutate(rng, Pick(rng, Corpus.Updates), Pick(rng, Corpus.Updates));
            var sv = Guarded("EncodeStateVectorFromUpdate", update.Length, () => Updates.EncodeStateVectorFromUpdate(update));
            // The result must be a state vector a document accepts.
            try { new Doc(new DocOptions { ClientId = 7 }).EncodeStateAsUpdate(sv); }
            catch (CrdtFormatException e) { throw new FuzzViolation("EncodeStateVectorFromUpdate wrote a bad state vector", e); }
        });

    [Fact, Trait("Needs", "Minutes")]
    public void Decode_of_mutated_updates() =>
        FuzzRunner.Run(nameof(Decode_of_mutated_updates), FuzzRunner.Cases(6_000), rng =>
        {
            var update = ByteMutator.Mutate(rng, Pick(rng, Corpus.Updates), Pick(rng, Corpus.Updates));
            AllocationGuard.Run("Decode", update.Length, () => Updates.Decode(update));
        });

    private static byte[] Guarded(string what, int inputSize, Func<byte[]> f)
    {
        byte[] result = [];
        AllocationGuard.Run(what, inputSize, () => result = f());
        return result;
    }

    private static void CheckWellFormed(string what, byte[] update)
    {
        try { Updates.Validate(update); }
        catch (CrdtFormatException e) { throw new FuzzViolation($"{what} wrote a malformed update", e); }
    }

    private static T Pick<T>(Random rng, List<T> list) => list[rng.Next(list.Count)];
}
