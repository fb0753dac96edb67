using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collab.Indexer.Evaluation;

/// <summary>A question and the files (relative to the corpus root) that answer it.</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("gold")] IReadOnlyList<string> Gold)
{
    /// <summary>Reads a JSON-lines file of questions; blank lines are ignored.</summary>
    public static IReadOnlyList<EvalQuestion> ReadJsonLines(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, i) => JsonSerializer.Deserialize<EvalQuestion>(line)
                ?? throw new InvalidDataException($"{path}:{i + 1}: not a question object"))
            .ToList();
}
