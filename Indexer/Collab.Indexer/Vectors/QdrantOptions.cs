namespace Collab.Indexer.Vectors;

/// <summary>Configuration section <c>Qdrant</c>; vectors go to Qdrant when <see cref="Url"/> is set.</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    /// <summary>Base URL of Qdrant's REST API, e.g. <c>http://localhost:6333</c>.</summary>
    public string? Url { get; set; }

    public string Collection { get; set; } = "collab-docs";

    /// <summary>Sent as the <c>api-key</c> header when set.</summary>
    public string? ApiKey { get; set; }
}
