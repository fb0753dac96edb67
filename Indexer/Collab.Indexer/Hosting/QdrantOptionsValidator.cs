using Collab.Indexer.Vectors;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Hosting;

/// <summary>Checks the <c>Qdrant</c> section at start, naming the bad key.</summary>
internal sealed class QdrantOptionsValidator : IValidateOptions<QdrantOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        var failures = new List<string>();
        if (options.Url is not null
            && (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            failures.Add($"Qdrant:Url must be an absolute http(s) URL (was '{options.Url}').");
        if (string.IsNullOrWhiteSpace(options.Collection))
            failures.Add("Qdrant:Collection must not be empty.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
