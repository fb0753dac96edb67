namespace Collab.Server.Tests.Cluster;

/// <summary>
/// The fault tests stop the shared PostgreSQL and Redis, so they run alone, after every
/// parallel collection has finished, and share one three-node cluster.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterFaultsCollection : ICollectionFixture<ClusterNodes>
{
    public const string Name = "Cluster faults";
}
