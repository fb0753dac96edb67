extern alias ModelGen;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collab.Server.Tests.Support;
using ModelGen::Collab.Copilot.ModelGen;

namespace Collab.Server.Tests.Copilot;

/// <summary>
/// <c>/v1</c> on the real server with a local model (the tiny random-weight GGUF on the CPU
/// llama.cpp from scripts/fetch-llama.sh), as the copilot-runtime deployment runs it.
/// </summary>
[Trait("Needs", "Llama")]
[Trait("Needs", "Server")]
public sealed class OpenAiEndpointTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        var libraries = Path.Combine(RepoPaths.Root, ".native", "llama", "linux-x64");
        Assert.True(Directory.Exists(libraries), $"{libraries} is missing: run scripts/fetch-llama.sh first.");
        _server = new InProcessServer(new Dictionary<string, string>
        {
            ["Copilot:Model:Path"] = TinyModel(),
            ["Copilot:Model:Name"] = "copilot",
            ["Copilot:Docs:IndexOnStart"] = "true", // test servers leave it off unless asked
            ["Copilot:Model:NativeLibraryPath"] = libraries,
            ["Copilot:Model:ContextSize"] = "512",
            ["Copilot:Model:ParallelSequences"] = "2",
            ["Copilot:Model:Threads"] = "1",
        });
        _ = _server.HttpUrl; // starts it, loading the model
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Without_a_token_every_endpoint_is_401()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_server.HttpUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/v1/chat/completions", Json(Chat("copilot", stream: false)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/v1/embeddings", Json("""{"model":"copilot","input":"x"}"""))).StatusCode);
        using var forged = _server.Client(TestTokens.WrongSignature("mallory"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/v1/models")).StatusCode);
    }

    [Fact]
    public async Task Models_lists_the_configured_name_and_an_unknown_model_is_404()
    {
        using var client = _server.Client(TestTokens.For("tool"));
        using var models = JsonDocument.Parse(await client.GetStringAsync("/v1/models"));
        Assert.Equal("copilot", Assert.Single(models.RootElement.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());

        var response = await client.PostAsync("/v1/chat/completions", Json(Chat("gpt-4o", stream: false)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Streaming_sends_chunks_then_done()
    {
        using var client = _server.Client(TestTokens.For("tool"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(Chat("copilot", stream: true)) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1].Trim());
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal("copilot", chunks[0].GetProperty("model").GetString());
        Assert.True(chunks.Count(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) && t.GetString()!.Length > 0) > 1);
        Assert.Equal("length", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    private static string Chat(string model, bool stream) =>
        JsonSerializer.Serialize(new { model, stream, seed = 7, max_tokens = 8, messages = new[] { new { role = "user", content = "How do I request a GPU?" } } });

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string TinyModel()
    {
        var path = Path.Combine(Path.GetTempPath(), "collab-server-tests", "tiny-random-v2.gguf");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside and renamed, so a concurrent run never loads half a file.
        var partial = path + "." + Guid.NewGuid().ToString("N");
        RandomLlamaModel.Write(partial, LlamaShape.Tiny, Cl100kVocabulary.Build(LlamaShape.Tiny.VocabularySize));
        File.Move(partial, path, overwrite: true);
        return path;
    }
}
