using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collab.Server.ApiDocs;

/// <summary>
/// Says in the description what the server does for every error: each operation gets a
/// <c>default</c> response of problem details (the body of every 4xx and 5xx, with its
/// <c>code</c>), and error responses declared without a body (the 401 of a missing token) get that body.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiDocumentTransformer
{
    private const string ProblemSchema = "ProblemDetails";
    private const string ProblemMediaType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true) return Task.CompletedTask;
        var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()) ?? [];
        foreach (var operation in operations)
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("default", new OpenApiResponse
            {
                Description = "An error: problem details whose `code` says which kind (invalid, forbidden, not_found, conflict, " +
                    "too_large, rate_limited, unavailable, ...) and whose `detail` says what to do.",
            });
            foreach (var (status, response) in operation.Responses.ToList())
            {
                if (response is not OpenApiResponse own || own.Content is { Count: > 0 } || !IsError(status)) continue;
                own.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                };
            }
        }
        return Task.CompletedTask;
    }

    private static bool IsError(string status) => status == "default" || status.StartsWith('4') || status.StartsWith('5');
}
