namespace Collab.Indexer.Tests.Vectors;

/// <summary>A fact that needs a Qdrant server: it runs when <c>QDRANT_URL</c> is set and is skipped, saying why, otherwise.</summary>
public sealed class QdrantFactAttribute : FactAttribute
{
    public static string? Url => Environment.GetEnvironmentVariable("QDRANT_URL");

    public QdrantFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Url)) Skip = "QDRANT_URL is not set; set it to a Qdrant REST URL (e.g. http://localhost:6333) to run the Qdrant adapter test.";
    }
}
