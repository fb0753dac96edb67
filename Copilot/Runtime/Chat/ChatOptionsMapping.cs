using System.Text.Json;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.Chat;

/// <summary>
/// Reads <see cref="ChatOptions"/> into <see cref="SamplingSettings"/>. Beyond the standard
/// options, <see cref="ChatOptions.AdditionalProperties"/> may carry <c>min_p</c>,
/// <c>repetition_penalty</c>, <c>grammar</c> (GBNF) and <c>user</c> (the fairness key).
/// </summary>
internal static class ChatOptionsMapping
{
    public const string MinPKey = "min_p";
    public const string RepetitionPenaltyKey = "repetition_penalty";
    public const string GrammarKey = "grammar";
    public const string UserKey = "user";

    public static SamplingSettings ToSampling(ChatOptions? options)
    {
        var defaults = new SamplingSettings();
        if (options is null) return defaults;
        var extra = options.AdditionalProperties;
        return defaults with
        {
            Temperature = options.Temperature ?? defaults.Temperature,
            TopP = options.TopP ?? defaults.TopP,
            TopK = options.TopK ?? defaults.TopK,
            MinP = extra?.TryGetValue(MinPKey, out float minP) == true ? minP : defaults.MinP,
            Seed = options.Seed is { } seed ? unchecked((uint)seed) : null,
            RepetitionPenalty = extra?.TryGetValue(RepetitionPenaltyKey, out float repetition) == true ? repetition : defaults.RepetitionPenalty,
            FrequencyPenalty = options.FrequencyPenalty ?? defaults.FrequencyPenalty,
            PresencePenalty = options.PresencePenalty ?? defaults.PresencePenalty,
            Grammar = GrammarFor(options),
        };
    }

    public static string FairnessKey(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(UserKey, out string? user) == true && !string.IsNullOrEmpty(user) ? user : "";

    private static string? GrammarFor(ChatOptions options)
    {
        if (options.AdditionalProperties?.TryGetValue(GrammarKey, out string? grammar) == true && !string.IsNullOrWhiteSpace(grammar))
            return grammar;
        return options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } => JsonSchemaGrammar.FromSchema(schema),
            ChatResponseFormatJson => JsonSchemaGrammar.AnyJsonObject,
            _ => null,
        };
    }
}
