namespace Collab.Server.Scaling;

/// <summary><c>Cluster:Mode</c>: how many processes serve the same documents.</summary>
public enum ClusterMode
{
    /// <summary>One process (SQLite under <c>Storage:DataDirectory</c>, or PostgreSQL); no Redis.</summary>
    Single,
    /// <summary>Several replicas sharing PostgreSQL (<c>ConnectionStrings:Postgres</c>) and Redis (<c>Redis:Configuration</c>).</summary>
    Clustered,
}
