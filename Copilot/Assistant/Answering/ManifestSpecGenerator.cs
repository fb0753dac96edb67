using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Copilot.Assistant.Prompts;
using Collab.Copilot.Authoring.Manifests;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>
/// Has the model fill a <see cref="ManifestSpec"/> under its JSON schema (the in-process backend
/// enforces the schema with a grammar; OpenAI-compatible servers with structured outputs).
/// </summary>
internal static class ManifestSpecGenerator
{
    private static readonly string[] FilledFromRequest = ["serviceType", "nodePort", "storageClass", "accessMode", "host", "backendService", "withIngress", "envFromSecrets"];

    // Bounds that keep a whole spec inside MaxOutputTokens: an unbounded string or list lets a
    // model (or a weak one) run out of tokens mid-value and leave JSON that does not parse.
    private const int MaxStringChars = 120;
    private const int MaxListItems = 8;
    private const int MaxKeyChars = 63;

    private static readonly JsonElement Schema = ForGeneration(JsonNode.Parse(ManifestSpec.JsonSchema)!);

    /// <summary>The raw JSON the model produced.</summary>
    public static async Task<string> GenerateAsync(IChatClient model, string request, string userId, CancellationToken ct)
    {
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "ManifestSpec", "A Kubernetes workload request."),
            MaxOutputTokens = 512,
            Temperature = 0f,
            AdditionalProperties = new() { ["user"] = userId },
        };
        var response = await model.GetResponseAsync(ManifestSpecPrompt.Build(request), options, ct);
        return response.Text;
    }

    /// <summary>
    /// The schema as a model should follow it. The spec reads numbers written as strings too
    /// (web defaults), which the exported schema says with a string branch and a regex; a model
    /// should write plain numbers, and grammar backends cannot enforce such regexes anyway.
    /// </summary>
    private static JsonElement ForGeneration(JsonNode schema)
    {
        Simplify(schema);
        // These come from the request's stated slots (ManifestRequestParser.Overlay), not from the model.
        if (schema["properties"] is JsonObject properties)
            foreach (var filled in FilledFromRequest) properties.Remove(filled);
        // The answer is one spec, never null.
        schema["type"] = "object";
        return JsonDocument.Parse(schema.ToJsonString()).RootElement.Clone();
    }

    private static bool HasType(JsonObject obj, string type) => obj["type"] switch
    {
        JsonValue single => (string?)single == type,
        JsonArray types => types.Any(t => (string?)t == type),
        _ => false,
    };

    private static void Simplify(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonArray types && types.Any(t => (string?)t is "integer" or "number"))
                {
                    obj.Remove("pattern");
                    var kept = types.Select(t => (string?)t).Where(t => t != "string").ToList();
                    obj["type"] = new JsonArray(kept.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
                }
                if (HasType(obj, "string") && obj["maxLength"] is null) obj["maxLength"] = MaxStringChars;
                if (HasType(obj, "array") && obj["maxItems"] is null) obj["maxItems"] = MaxListItems;
                if (HasType(obj, "object") && obj["properties"] is null && obj["additionalProperties"] is JsonObject)
                {
                    obj["maxProperties"] ??= MaxListItems;
                    obj["propertyNames"] ??= new JsonObject { ["type"] = "string", ["maxLength"] = MaxKeyChars };
                }
                foreach (var child in obj.Select(p => p.Value).ToList()) Simplify(child);
                break;
            case JsonArray array:
                foreach (var child in array) Simplify(child);
                break;
        }
    }
}
