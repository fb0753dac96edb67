using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Collab.Copilot.Runtime.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;

namespace Collab.Copilot.Runtime.Tests.OpenAi;

[Trait("Needs", "Node")]
[Trait("Needs", "Llama")]
public sealed class OpenAiEndpointTests(OpenAiServerFixture server) : IClassFixture<OpenAiServerFixture>
{
    private static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You are the Collab copilot."),
        new(ChatRole.User, "How do I request a GPU?"),
    ];

    private static ChatOptions Seeded() => new() { Seed = 42, Temperature = 0.9f, MaxOutputTokens = 16 };

    /// <summary>The OpenAI backend of AddCopilotRuntime (the official OpenAI .NET SDK) against our own endpoint.</summary>
    private IServiceProvider OpenAiBackend() =>
        new ServiceCollection()
            .AddCopilotRuntime(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Copilot:OpenAI:BaseUrl"] = server.BaseUrl,
                ["Copilot:OpenAI:ApiKey"] = "unused",
                ["Copilot:OpenAI:Model"] = "tiny",
                ["Copilot:OpenAI:EmbeddingModel"] = "tiny",
            }).Build())
            .BuildServiceProvider();

    [Fact]
    public async Task The_dotnet_OpenAI_SDK_gets_the_in_process_answer()
    {
        var local = server.Services.GetRequiredService<IChatClient>();
        var expected = await local.GetResponseAsync(Conversation(), Seeded());

        using var services = (ServiceProvider)OpenAiBackend();
        Assert.Equal(LanguageModelBackend.OpenAiCompatible, services.GetRequiredService<ILanguageModelAvailability>().Backend);
        var remote = services.GetRequiredService<IChatClient>();
        var response = await remote.GetResponseAsync(Conversation(), Seeded());
        Assert.Equal(expected.Text, response.Text);
        Assert.Equal(16, response.Usage!.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);

        var streamed = new StringBuilder();
        await foreach (var update in remote.GetStreamingResponseAsync(Conversation(), Seeded())) streamed.Append(update.Text);
        Assert.Equal(expected.Text, streamed.ToString());
    }

    [Fact]
    public async Task The_dotnet_OpenAI_SDK_gets_unit_embeddings()
    {
        using var services = (ServiceProvider)OpenAiBackend();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embeddings = await generator.GenerateAsync(["GPU quota", "OOMKilled"]);
        Assert.Equal(2, embeddings.Count);
        foreach (var embedding in embeddings)
        {
            Assert.Equal(64, embedding.Vector.Length);
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(embedding.Vector.Span), 4);
        }
    }

    [Fact]
    public async Task The_dotnet_OpenAI_SDK_sees_a_too_long_prompt_as_400()
    {
        var client = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(server.BaseUrl) }).GetChatClient("tiny");
        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync(new OpenAI.Chat.UserChatMessage(new string('x', 20000))));
        Assert.Equal(400, error.Status);
        Assert.Contains("context window", error.Message);
    }

    [Fact]
    public async Task Malformed_bodies_get_openai_style_400s()
    {
        using var http = new HttpClient();
        foreach (var body in new[] { "not json", "{}", """{"messages":[]}""", """{"messages":[{"role":"wizard","content":"x"}]}""", """{"messages":[{"role":"user","content":"x"}],"max_tokens":-1}""" })
        {
            var response = await http.PostAsync(server.BaseUrl + "/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("invalid_request_error", json.RootElement.GetProperty("error").GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task The_openai_npm_package_works_against_the_endpoint()
    {
        var interop = Path.Combine(TestModel.RepositoryRoot, "tests", "interop");
        Assert.True(Directory.Exists(Path.Combine(interop, "node_modules", "openai")), "Run npm ci in tests/interop first.");
        var start = new ProcessStartInfo("node", ["llm-openai-client.mjs", server.BaseUrl, "tiny"])
        {
            WorkingDirectory = interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, await errors);

        var expected = await server.Services.GetRequiredService<IChatClient>().GetResponseAsync(Conversation(), Seeded());
        using var result = JsonDocument.Parse(await output);
        var r = result.RootElement;
        Assert.Equal(expected.Text, r.GetProperty("text").GetString());
        Assert.Equal(expected.Text, r.GetProperty("streamed").GetString());
        Assert.Equal("length", r.GetProperty("finish").GetString());
        Assert.Equal("length", r.GetProperty("streamFinish").GetString());
        Assert.Equal(16, r.GetProperty("completionTokens").GetInt32());
        Assert.Equal(16, r.GetProperty("streamUsage").GetInt32());
        Assert.True(r.GetProperty("chunks").GetInt32() > 1);
        Assert.Equal(2, r.GetProperty("embeddingCount").GetInt32());
        Assert.Equal(64, r.GetProperty("dimensions").GetInt32());
        foreach (var norm in r.GetProperty("norms").EnumerateArray()) Assert.Equal(1.0, norm.GetDouble(), 4);
        Assert.True(r.GetProperty("sameAsFloat").GetBoolean());
        Assert.Equal(400, r.GetProperty("tooLongStatus").GetInt32());
        Assert.Equal("tiny", Assert.Single(r.GetProperty("models").EnumerateArray()).GetString());
        Assert.Equal(404, r.GetProperty("unknownModel").GetProperty("status").GetInt32());
        Assert.Equal("model_not_found", r.GetProperty("unknownModel").GetProperty("code").GetString());
    }
}
