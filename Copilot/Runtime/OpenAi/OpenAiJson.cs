using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.OpenAi;

/// <summary>Writes the OpenAI wire shapes (completion, chunk, embeddings, error) with Utf8JsonWriter.</summary>
internal static class OpenAiJson
{
    public static string FinishReason(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "length" : reason == ChatFinishReason.ContentFilter ? "content_filter" : "stop";

    public static byte[] Completion(string id, long created, string model, string text, ChatFinishReason? finish, UsageDetails? usage) =>
        Write(w =>
        {
            Header(w, id, "chat.completion", created, model);
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteString("content", text);
            w.WriteEndObject();
            w.WriteNull("logprobs");
            w.WriteString("finish_reason", FinishReason(finish));
            w.WriteEndObject();
            w.WriteEndArray();
            Usage(w, usage);
        });

    public static byte[] Chunk(string id, long created, string model, string? role, string? content, ChatFinishReason? finish) =>
        Write(w =>
        {
            Header(w, id, "chat.completion.chunk", created, model);
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("delta");
            if (role is not null) w.WriteString("role", role);
            if (content is not null) w.WriteString("content", content);
            w.WriteEndObject();
            w.WriteNull("logprobs");
            if (finish is null) w.WriteNull("finish_reason");
            else w.WriteString("finish_reason", FinishReason(finish));
            w.WriteEndObject();
            w.WriteEndArray();
        });

    public static byte[] UsageChunk(string id, long created, string model, UsageDetails? usage) =>
        Write(w =>
        {
            Header(w, id, "chat.completion.chunk", created, model);
            w.WriteStartArray("choices");
            w.WriteEndArray();
            Usage(w, usage);
        });

    public static byte[] Embeddings(string model, IReadOnlyList<Embedding<float>> embeddings, bool base64, long? inputTokens) =>
        Write(w =>
        {
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            for (var i = 0; i < embeddings.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("object", "embedding");
                w.WriteNumber("index", i);
                var vector = embeddings[i].Vector.Span;
                if (base64) w.WriteBase64String("embedding", System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector));
                else
                {
                    w.WriteStartArray("embedding");
                    foreach (var value in vector) w.WriteNumberValue(value);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("model", model);
            w.WriteStartObject("usage");
            w.WriteNumber("prompt_tokens", inputTokens ?? 0);
            w.WriteNumber("total_tokens", inputTokens ?? 0);
            w.WriteEndObject();
        });

    public static byte[] Models(IEnumerable<string> ids) =>
        Write(w =>
        {
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var id in ids)
            {
                w.WriteStartObject();
                ModelFields(w, id);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    public static byte[] Model(string id) => Write(w => ModelFields(w, id));

    // The model file's age is unknown to the client and unimportant; OpenAI requires the field.
    private static void ModelFields(Utf8JsonWriter w, string id)
    {
        w.WriteString("id", id);
        w.WriteString("object", "model");
        w.WriteNumber("created", 0);
        w.WriteString("owned_by", "collab");
    }

    public static byte[] Error(string message, string type, string? parameter, string? code) =>
        Write(w =>
        {
            w.WriteStartObject("error");
            w.WriteString("message", message);
            w.WriteString("type", type);
            if (parameter is null) w.WriteNull("param"); else w.WriteString("param", parameter);
            if (code is null) w.WriteNull("code"); else w.WriteString("code", code);
            w.WriteEndObject();
        });

    private static void Header(Utf8JsonWriter w, string id, string kind, long created, string model)
    {
        w.WriteString("id", id);
        w.WriteString("object", kind);
        w.WriteNumber("created", created);
        w.WriteString("model", model);
    }

    private static void Usage(Utf8JsonWriter w, UsageDetails? usage)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", usage?.InputTokenCount ?? 0);
        w.WriteNumber("completion_tokens", usage?.OutputTokenCount ?? 0);
        w.WriteNumber("total_tokens", usage?.TotalTokenCount ?? 0);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
