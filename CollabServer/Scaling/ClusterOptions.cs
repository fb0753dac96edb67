namespace Collab.Server.Scaling;

/// <summary>Section <c>Cluster</c>; the Redis endpoint is <c>Redis:Configuration</c> (StackExchange.Redis syntax).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";
    public const string RedisKey = "Redis:Configuration";

    /// <summary><c>Cluster:Mode</c>: <c>Single</c> (default) or <c>Clustered</c>.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Single;
}
