using System.Text.Json;
using Collab.Copilot.Runtime.Chat;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.OpenAi;

/// <summary>
/// The parts of an OpenAI <c>/v1/chat/completions</c> body that Collab honours, read leniently
/// from JSON (content as a string or as text parts, stop as a string or a list).
/// </summary>
internal sealed record ChatCompletionRequest(
    string? Model,
    List<ChatMessage> Messages,
    ChatOptions Options,
    bool Stream,
    bool IncludeUsage)
{
    public static ChatCompletionRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new OpenAiRequestException("The body must be a JSON object.");
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            throw new OpenAiRequestException("'messages' must be a non-empty array.", "messages");

        var options = new ChatOptions { AdditionalProperties = [] };
        options.Temperature = Float(body, "temperature");
        options.TopP = Float(body, "top_p");
        options.TopK = Int(body, "top_k");
        options.FrequencyPenalty = Float(body, "frequency_penalty");
        options.PresencePenalty = Float(body, "presence_penalty");
        options.Seed = body.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number ? seed.GetInt64() : null;
        options.MaxOutputTokens = Int(body, "max_completion_tokens") ?? Int(body, "max_tokens");
        if (options.MaxOutputTokens is <= 0) throw new OpenAiRequestException("'max_tokens' must be positive.", "max_tokens");
        if (Float(body, "min_p") is { } minP) options.AdditionalProperties[ChatOptionsMapping.MinPKey] = minP;
        if (Float(body, "repetition_penalty") is { } repetition) options.AdditionalProperties[ChatOptionsMapping.RepetitionPenaltyKey] = repetition;
        if (String(body, "grammar") is { } grammar) options.AdditionalProperties[ChatOptionsMapping.GrammarKey] = grammar;
        if (String(body, "user") is { } user) options.AdditionalProperties[ChatOptionsMapping.UserKey] = user;
        options.StopSequences = Stops(body);
        options.ResponseFormat = ResponseFormat(body);
        var model = String(body, "model");
        options.ModelId = model;

        var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = body.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        return new ChatCompletionRequest(model, messages.EnumerateArray().Select(Message).ToList(), options, stream, includeUsage);
    }

    private static ChatMessage Message(JsonElement message)
    {
        var role = String(message, "role") ?? throw new OpenAiRequestException("Every message needs a 'role'.", "messages");
        if (role is not ("system" or "developer" or "user" or "assistant" or "tool"))
            throw new OpenAiRequestException($"Unknown message role '{role}'.", "messages");
        var text = message.TryGetProperty("content", out var content) ? content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Null => "",
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(p => String(p, "type") == "text")
                .Select(p => String(p, "text") ?? "")),
            _ => throw new OpenAiRequestException("Message 'content' must be a string or an array of parts.", "messages"),
        } : "";
        return new ChatMessage(new ChatRole(role == "developer" ? "system" : role), text);
    }

    private static List<string>? Stops(JsonElement body)
    {
        if (!body.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null) return null;
        if (stop.ValueKind == JsonValueKind.String) return [stop.GetString()!];
        if (stop.ValueKind == JsonValueKind.Array && stop.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return stop.EnumerateArray().Select(e => e.GetString()!).ToList();
        throw new OpenAiRequestException("'stop' must be a string or an array of strings.", "stop");
    }

    private static ChatResponseFormat? ResponseFormat(JsonElement body)
    {
        if (!body.TryGetProperty("response_format", out var format) || format.ValueKind != JsonValueKind.Object) return null;
        return String(format, "type") switch
        {
            "text" or null => null,
            "json_object" => ChatResponseFormat.Json,
            "json_schema" when format.TryGetProperty("json_schema", out var js) && js.TryGetProperty("schema", out var schema)
                => ChatResponseFormat.ForJsonSchema(schema.Clone(), String(js, "name"), String(js, "description")),
            var other => throw new OpenAiRequestException($"Unsupported response_format '{other}'.", "response_format"),
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static float? Float(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.Number ? value.GetSingle() : throw new OpenAiRequestException($"'{name}' must be a number.", name);
    }

    private static int? Int(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : throw new OpenAiRequestException($"'{name}' must be an integer.", name);
    }
}
