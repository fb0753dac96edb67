using System.Text.Json;
using Collab.Copilot.Runtime.Chat;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.Tests.Chat;

/// <summary>
/// Constrained output on the random-weight model, which picks byte tokens (lone UTF-8 lead and
/// continuation bytes) far more often than a trained model: text must stay valid UTF-8, string
/// lengths count characters, and numbers must fit a double.
/// </summary>
[Trait("Needs", "Llama")]
public sealed class GrammarTextTests(TinyRuntimeFixture fixture) : IClassFixture<TinyRuntimeFixture>
{
    private readonly LlamaChatClient client = new(fixture.Runtime);

    [Fact]
    public async Task Non_ascii_only_grammar_never_yields_replacement_characters()
    {
        // Only code points above U+007F: every token the grammar allows is non-ASCII text or a raw
        // byte. U+FFFD itself is excluded: byte-level vocabularies have whole tokens of it.
        const string grammar = "root ::= [^\\x00-\\x7F\\uFFFD]{1,24} \".\"";
        for (var seed = 1; seed <= 12; seed++)
        {
            // Room for 24 four-byte characters spelt one byte token at a time, so the grammar completes.
            var options = new ChatOptions { Seed = seed, Temperature = 1.5f, MaxOutputTokens = 100, AdditionalProperties = new() { ["grammar"] = grammar } };
            var response = await client.GetResponseAsync([new(ChatRole.User, "Write in Japanese.")], options);
            var text = response.Text;
            Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
            Assert.DoesNotContain('\uFFFD', text);
            Assert.EndsWith(".", text);
            Assert.InRange(text.EnumerateRunes().Count(), 2, 25);
        }
    }

    [Fact]
    public async Task Schema_string_lengths_count_characters_and_numbers_fit_a_double()
    {
        var schema = JsonDocument.Parse("""
            {
              "type": "object",
              "properties": {
                "names": { "type": "array", "items": { "type": "string", "minLength": 2, "maxLength": 5 }, "minItems": 3, "maxItems": 3 },
                "scores": { "type": "array", "items": { "type": "number" }, "minItems": 4, "maxItems": 4 }
              },
              "required": ["names", "scores"]
            }
            """).RootElement;
        for (var seed = 1; seed <= 8; seed++)
        {
            var options = new ChatOptions
            {
                Seed = seed, Temperature = 1.5f, MaxOutputTokens = 160,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "scores"),
            };
            var response = await client.GetResponseAsync([new(ChatRole.User, "Names in Japanese, and scores.")], options);
            var text = response.Text;
            Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
            Assert.DoesNotContain('\uFFFD', text);
            using var json = JsonDocument.Parse(text);
            foreach (var name in json.RootElement.GetProperty("names").EnumerateArray())
                Assert.InRange(name.GetString()!.EnumerateRunes().Count(), 2, 5);
            foreach (var score in json.RootElement.GetProperty("scores").EnumerateArray())
                Assert.True(score.TryGetDouble(out var value) && double.IsFinite(value), text);
        }
    }

    [Fact]
    public void Number_rules_cannot_spell_an_overflowing_double()
    {
        // The longest number the grammar allows: 16 integer digits, 16 decimals, the largest exponent.
        var grammar = JsonSchemaGrammar.AnyJsonObject;
        Assert.Contains("[0-9]{0,15}", grammar);
        Assert.Contains("[eE] [-+]? [0-9]{1,2}", grammar);
        Assert.True(double.IsFinite(double.Parse("-9999999999999999.9999999999999999e99", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Escapes_cannot_spell_lone_surrogates()
    {
        var grammar = JsonSchemaGrammar.AnyJsonObject;
        Assert.DoesNotContain("\"u\" [0-9a-fA-F]{4}", grammar);
    }
}
