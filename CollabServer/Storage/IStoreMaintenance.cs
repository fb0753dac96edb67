namespace Collab.Server.Storage;

/// <summary>Schema creation at start and the readiness probe of whichever backend is configured.</summary>
public interface IStoreMaintenance
{
    /// <summary>Creates missing tables and indexes; safe to run on every start.</summary>
    Task EnsureSchemaAsync(CancellationToken ct = default);

    /// <summary>Throws if the store cannot be reached.</summary>
    Task PingAsync(CancellationToken ct = default);

    /// <summary>"sqlite" or "postgres", for logs and health output.</summary>
    string Backend { get; }
}
