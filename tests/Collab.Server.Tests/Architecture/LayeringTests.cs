using Collab.Server.Storage;

namespace Collab.Server.Tests.Architecture;

/// <summary>
/// Dependencies inside the server run one way: a component uses only the components below it in
/// <see cref="ServerLayers"/>. Fails with the offending edges and one type pair for each.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Dictionary<(string From, string To), string> Edges =
        NamespaceDependencies.Of(typeof(DocumentKey).Assembly);

    [Fact]
    public void SeesDependenciesInSignaturesAndMethodBodies()
    {
        // Fields and constructor parameters (a room peer's room), and calls only (Program.cs's wiring).
        Assert.Contains(("Hubs", "Rooms"), Edges.Keys);
        Assert.Contains(("Program", "Storage.Backends"), Edges.Keys);
        Assert.Contains(("Storage.Backends", "Storage.Sqlite"), Edges.Keys);
    }

    [Fact]
    public void EveryComponentIsPlacedInALayer()
    {
        var unplaced = Edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct()
            .Where(c => !ServerLayers.Order.Contains(c)).Order().ToList();
        Assert.True(unplaced.Count == 0,
            $"Components missing from ServerLayers (add them where they belong and to docs/architecture.md): {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void DependenciesPointOnlyDown()
    {
        var order = ServerLayers.Order;
        var upward = Edges
            .Where(e => order.IndexOf(e.Key.From) is var from && order.IndexOf(e.Key.To) is var to && from >= 0 && to >= 0 && to > from)
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {e.Value}")
            .Order().ToList();
        Assert.True(upward.Count == 0,
            $"{upward.Count} dependencies point up against ServerLayers (see docs/architecture.md):\n{string.Join("\n", upward)}");
    }
}
