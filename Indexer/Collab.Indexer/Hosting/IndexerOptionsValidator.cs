using Microsoft.Extensions.Options;

namespace Collab.Indexer.Hosting;

/// <summary>Checks the <c>Indexer</c> section at start, naming the bad key.</summary>
internal sealed class IndexerOptionsValidator : IValidateOptions<IndexerOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.IndexPath))
            failures.Add("Indexer:IndexPath is required (the folder that holds the index).");
        if (options.MaxChunkTokens is < 32 or > 8192)
            failures.Add($"Indexer:MaxChunkTokens must be between 32 and 8192 (was {options.MaxChunkTokens}).");
        if (options.FileExtensions.Length == 0 || options.FileExtensions.Any(e => !e.StartsWith('.')))
            failures.Add("Indexer:FileExtensions must list at least one extension, each starting with '.'.");
        if (options.EmbeddingBatchSize < 1)
            failures.Add($"Indexer:EmbeddingBatchSize must be at least 1 (was {options.EmbeddingBatchSize}).");
        if (options.EmbeddingMaxChars is < 64 or > 8192)
            failures.Add($"Indexer:EmbeddingMaxChars must be between 64 and 8192 (was {options.EmbeddingMaxChars}).");
        if (options.MinVectorSimilarity is < -1 or > 1 || float.IsNaN(options.MinVectorSimilarity))
            failures.Add($"Indexer:MinVectorSimilarity must be between -1 and 1 (was {options.MinVectorSimilarity}).");
        if (!Enum.IsDefined(options.Embeddings))
            failures.Add($"Indexer:Embeddings must be MiniLM, ArcticXs, Host or None (was {options.Embeddings}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
