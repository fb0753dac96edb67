using System.Text.Json;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Copilot.Runtime.OpenAi;

/// <summary>
/// Serves the configured model over the OpenAI wire format, so the platform's other tools
/// (and the official OpenAI SDKs) can share it: <c>POST /v1/chat/completions</c> (with
/// server-sent events when <c>stream</c> is true), <c>POST /v1/embeddings</c> and
/// <c>GET /v1/models</c>. A request naming a model this server does not serve gets 404
/// <c>model_not_found</c>, as from OpenAI; one naming none gets the served model.
/// </summary>
public static class OpenAiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the endpoints under <paramref name="prefix"/> and returns the group, so the host can
    /// add authorization or rate limiting to it.
    /// </summary>
    public static RouteGroupBuilder MapOpenAiCompatibleEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/chat/completions", ChatCompletions);
        group.MapPost("/embeddings", Embeddings);
        group.MapGet("/models", ListModels);
        group.MapGet("/models/{id}", GetModel);
        return group;
    }

    private static async Task ChatCompletions(HttpContext http)
    {
        var client = http.RequestServices.GetService<IChatClient>();
        if (client is null)
        {
            await Error(http, StatusCodes.Status503ServiceUnavailable, "No language model is configured on this server.", "server_error", null, "model_not_configured");
            return;
        }
        ChatCompletionRequest request;
        try
        {
            request = ChatCompletionRequest.Read(await ReadJson(http));
        }
        catch (OpenAiRequestException e)
        {
            await Error(http, StatusCodes.Status400BadRequest, e.Message, "invalid_request_error", e.Parameter, null);
            return;
        }

        var model = ModelName(client, request.Model);
        if (!IsServed(model, request.Model))
        {
            await ModelNotFound(http, request.Model!);
            return;
        }
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var cancel = http.RequestAborted;
        await using var updates = client.GetStreamingResponseAsync(request.Messages, request.Options, cancel).GetAsyncEnumerator(cancel);

        // The first update is awaited before any byte is written, so errors raised while
        // queueing (busy, prompt too long, bad options) still get a proper status code.
        bool hasFirst;
        try
        {
            hasFirst = await updates.MoveNextAsync();
        }
        catch (Exception e) when (IsClientError(e))
        {
            await AnswerError(http, e);
            return;
        }

        if (!request.Stream)
        {
            var collected = new List<ChatResponseUpdate>();
            if (hasFirst) collected.Add(updates.Current);
            while (await updates.MoveNextAsync()) collected.Add(updates.Current);
            var response = collected.ToChatResponse();
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(OpenAiJson.Completion(id, created, model, response.Text, response.FinishReason, response.Usage), cancel);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await Event(http, OpenAiJson.Chunk(id, created, model, "assistant", "", null));
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        try
        {
            for (var more = hasFirst; more; more = await updates.MoveNextAsync())
            {
                var update = updates.Current;
                finish = update.FinishReason ?? finish;
                foreach (var content in update.Contents.OfType<UsageContent>()) usage = content.Details;
                if (update.Text.Length > 0) await Event(http, OpenAiJson.Chunk(id, created, model, null, update.Text, null));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            // Headers are gone: report in-band, as OpenAI does, and end the stream.
            await Event(http, OpenAiJson.Error(e.Message, "server_error", null, null));
            return;
        }
        await Event(http, OpenAiJson.Chunk(id, created, model, null, null, finish ?? ChatFinishReason.Stop));
        if (request.IncludeUsage) await Event(http, OpenAiJson.UsageChunk(id, created, model, usage));
        await http.Response.WriteAsync("data: [DONE]\n\n", cancel);
    }

    private static async Task Embeddings(HttpContext http)
    {
        var generator = http.RequestServices.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
        if (generator is null)
        {
            await Error(http, StatusCodes.Status503ServiceUnavailable, "No embedding model is configured on this server.", "server_error", null, "model_not_configured");
            return;
        }
        List<string> inputs;
        bool base64;
        string? requestedModel;
        try
        {
            var body = await ReadJson(http);
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("input", out var input))
                throw new OpenAiRequestException("'input' is required.", "input");
            inputs = input.ValueKind switch
            {
                JsonValueKind.String => [input.GetString()!],
                JsonValueKind.Array when input.GetArrayLength() > 0 && input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                    => input.EnumerateArray().Select(e => e.GetString()!).ToList(),
                _ => throw new OpenAiRequestException("'input' must be a string or a non-empty array of strings (token arrays are not accepted).", "input"),
            };
            if (inputs.Count > 2048) throw new OpenAiRequestException("At most 2048 inputs per request.", "input");
            var format = body.TryGetProperty("encoding_format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : "float";
            base64 = format switch
            {
                "float" => false,
                "base64" => true,
                _ => throw new OpenAiRequestException("'encoding_format' must be 'float' or 'base64'.", "encoding_format"),
            };
            requestedModel = body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (OpenAiRequestException e)
        {
            await Error(http, StatusCodes.Status400BadRequest, e.Message, "invalid_request_error", e.Parameter, null);
            return;
        }

        var model = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? requestedModel ?? "local";
        if (!IsServed(model, requestedModel))
        {
            await ModelNotFound(http, requestedModel!);
            return;
        }
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await generator.GenerateAsync(inputs, cancellationToken: http.RequestAborted);
        }
        catch (Exception e) when (IsClientError(e))
        {
            await AnswerError(http, e);
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(OpenAiJson.Embeddings(model, embeddings, base64, embeddings.Usage?.InputTokenCount), http.RequestAborted);
    }

    private static async Task ListModels(HttpContext http)
    {
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(OpenAiJson.Models(ServedModels(http.RequestServices)), http.RequestAborted);
    }

    private static async Task GetModel(HttpContext http, string id)
    {
        if (!ServedModels(http.RequestServices).Contains(id, StringComparer.Ordinal))
        {
            await ModelNotFound(http, id);
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(OpenAiJson.Model(id), http.RequestAborted);
    }

    /// <summary>The ids of the chat and embedding models, once each (in process they are the same model).</summary>
    private static List<string> ServedModels(IServiceProvider services)
    {
        var chat = services.GetService<IChatClient>()?.GetService<ChatClientMetadata>()?.DefaultModelId;
        var embeddings = services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        return new[] { chat, embeddings }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>No model named is fine (the served one answers); another model's name is not.</summary>
    private static bool IsServed(string served, string? requested) =>
        string.IsNullOrEmpty(requested) || string.Equals(served, requested, StringComparison.Ordinal);

    private static Task ModelNotFound(HttpContext http, string model) =>
        Error(http, StatusCodes.Status404NotFound, $"The model '{model}' does not exist or you do not have access to it.",
            "invalid_request_error", "model", "model_not_found");

    private static string ModelName(IChatClient client, string? requested) =>
        client.GetService<ChatClientMetadata>()?.DefaultModelId ?? requested ?? "local";

    private static async Task<JsonElement> ReadJson(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new OpenAiRequestException($"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Errors caused by the request or by load, which get a 4xx answer rather than a 500.</summary>
    private static bool IsClientError(Exception error) => error is ModelBusyException or ArgumentException or NotSupportedException;

    private static Task AnswerError(HttpContext http, Exception error)
    {
        switch (error)
        {
            case ModelBusyException busy:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Error(http, StatusCodes.Status429TooManyRequests, busy.Message, "rate_limit_error", null, "model_busy");
            case ContextWindowExceededException tooLong:
                return Error(http, StatusCodes.Status400BadRequest, tooLong.Message, "invalid_request_error", "messages", "context_length_exceeded");
            default:
                return Error(http, StatusCodes.Status400BadRequest, error.Message, "invalid_request_error", null, null);
        }
    }

    private static async Task Error(HttpContext http, int status, string message, string type, string? parameter, string? code)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(OpenAiJson.Error(message, type, parameter, code), http.RequestAborted);
    }

    private static async Task Event(HttpContext http, byte[] json)
    {
        await http.Response.Body.WriteAsync("data: "u8.ToArray(), http.RequestAborted);
        await http.Response.Body.WriteAsync(json, http.RequestAborted);
        await http.Response.Body.WriteAsync("\n\n"u8.ToArray(), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
