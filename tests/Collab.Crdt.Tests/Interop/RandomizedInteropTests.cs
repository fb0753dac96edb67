using Xunit.Abstractions;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// Seeded multi-peer runs against the real yjs (see <see cref="MultiPeerScenario"/>).
/// <c>CRDT_INTEROP_SEEDS</c> sets how many seeds run (default 500); <c>CRDT_INTEROP_SEED</c>
/// runs just that one, to replay a failure.
/// </summary>
[Trait("Needs", "Node")]
[Collection(YjsPeerCollection.Name)]
public class RandomizedInteropTests(YjsPeer yjs, ITestOutputHelper output)
{
    private const int DefaultSeeds = 500;

    [Fact]
    public void Yjs_and_csharp_peers_converge_with_byte_identical_encodings()
    {
        var replay = Environment.GetEnvironmentVariable("CRDT_INTEROP_SEED") is { Length: > 0 } one ? one : null;
        var seeds = replay is not null
            ? [int.Parse(replay)]
            : Enumerable.Range(1, int.TryParse(Environment.GetEnvironmentVariable("CRDT_INTEROP_SEEDS"), out var n) ? n : DefaultSeeds);
        var failures = new List<string>();
        int run = 0;
        foreach (var seed in seeds)
        {
            run++;
            try
            {
                new MultiPeerScenario(yjs, seed, trace: replay is not null).Run();
            }
            catch (Exception e)
            {
                failures.Add(e is InteropFailure ? e.Message : $"seed {seed}: {e}");
            }
        }
        output.WriteLine($"{run} seeds, {failures.Count} failed");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {run} seeds failed (replay one with CRDT_INTEROP_SEED=<seed>); failing seeds: " +
            string.Join(" ", failures.Select(f => f.Split(',')[0].Replace("seed ", ""))) + "\n\n" + string.Join("\n\n", failures.Take(3)));
    }
}
