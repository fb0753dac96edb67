using System.Text.Json;
using Collab.Copilot.Runtime.Chat;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.Tests.Chat;

[Trait("Needs", "Llama")]
public sealed class GrammarTests(TinyRuntimeFixture fixture) : IClassFixture<TinyRuntimeFixture>
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "kind": { "enum": ["Job", "Deployment", "CronJob"] },
            "name": { "type": "string", "minLength": 1, "maxLength": 12 },
            "gpus": { "type": "integer", "minimum": 0 },
            "preemptible": { "type": "boolean" },
            "tags": { "type": "array", "items": { "type": "string", "maxLength": 6 }, "maxItems": 3 },
            "note": { "type": ["string", "null"], "maxLength": 8 }
          },
          "required": ["kind", "name", "gpus", "preemptible", "tags"]
        }
        """;

    private readonly LlamaChatClient client = new(fixture.Runtime);

    [Fact]
    public async Task Schema_constrained_output_always_parses_and_validates()
    {
        var schema = JsonDocument.Parse(Schema).RootElement;
        for (var seed = 1; seed <= 5; seed++)
        {
            var options = new ChatOptions
            {
                Seed = seed,
                Temperature = 1f,
                MaxOutputTokens = 200,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "job"),
            };
            var response = await client.GetResponseAsync([new(ChatRole.User, "Draft a GPU training job.")], options);
            Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
            using var json = JsonDocument.Parse(response.Text);
            AssertValid(json.RootElement, response.Text);
        }
    }

    [Fact]
    public async Task Dictionary_values_keys_and_size_are_enforced()
    {
        // A Dictionary<string, string> as System.Text.Json's schema exporter writes it, bounded.
        var schema = JsonDocument.Parse("""
            {
              "type": "object",
              "properties": {
                "env": {
                  "type": "object",
                  "additionalProperties": { "type": "string", "maxLength": 5 },
                  "propertyNames": { "type": "string", "minLength": 1, "maxLength": 4 },
                  "maxProperties": 2
                }
              },
              "required": ["env"]
            }
            """).RootElement;
        for (var seed = 1; seed <= 5; seed++)
        {
            var options = new ChatOptions { Seed = seed, Temperature = 1f, MaxOutputTokens = 200, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "env") };
            var response = await client.GetResponseAsync([new(ChatRole.User, "Set some variables.")], options);
            Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
            var env = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(response.Text)!["env"];
            Assert.InRange(env.Count, 0, 2);
            Assert.All(env, pair => { Assert.InRange(pair.Key.Length, 1, 4); Assert.InRange(pair.Value.Length, 0, 5); });
        }
    }

    [Fact]
    public async Task Raw_gbnf_grammar_constrains_the_answer()
    {
        var options = new ChatOptions { Seed = 9, MaxOutputTokens = 20, AdditionalProperties = new() { ["grammar"] = "root ::= (\"yes\" | \"no\") \".\"" } };
        var response = await client.GetResponseAsync([new(ChatRole.User, "Is the GPU free?")], options);
        Assert.Contains(response.Text, new[] { "yes.", "no." });
    }

    [Fact]
    public async Task A_grammar_that_does_not_parse_is_refused()
    {
        var options = new ChatOptions { MaxOutputTokens = 4, AdditionalProperties = new() { ["grammar"] = "root ::= (unclosed" } };
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync([new(ChatRole.User, "x")], options));
    }

    [Fact]
    public void Unenforceable_schema_keywords_are_refused_not_ignored()
    {
        var schema = JsonDocument.Parse("""{"type":"string","pattern":"^[a-z]+$"}""").RootElement;
        Assert.Throws<NotSupportedException>(() => JsonSchemaGrammar.FromSchema(schema));
    }

    private static void AssertValid(JsonElement value, string text)
    {
        Assert.True(value.ValueKind == JsonValueKind.Object, text);
        Assert.Contains(value.GetProperty("kind").GetString(), new[] { "Job", "Deployment", "CronJob" });
        Assert.InRange(value.GetProperty("name").GetString()!.Length, 1, 12);
        Assert.True(value.GetProperty("gpus").TryGetInt64(out var gpus) && gpus >= 0, text);
        Assert.True(value.GetProperty("preemptible").ValueKind is JsonValueKind.True or JsonValueKind.False, text);
        var tags = value.GetProperty("tags");
        Assert.InRange(tags.GetArrayLength(), 0, 3);
        foreach (var tag in tags.EnumerateArray()) Assert.InRange(tag.GetString()!.Length, 0, 6);
        if (value.TryGetProperty("note", out var note))
            Assert.True(note.ValueKind == JsonValueKind.Null || note.GetString()!.Length <= 8, text);
        foreach (var property in value.EnumerateObject())
            Assert.Contains(property.Name, new[] { "kind", "name", "gpus", "preemptible", "tags", "note" });
    }
}
