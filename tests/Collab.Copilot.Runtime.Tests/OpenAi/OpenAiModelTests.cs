using System.Net;
using System.Text;
using System.Text.Json;

namespace Collab.Copilot.Runtime.Tests.OpenAi;

[Trait("Needs", "Llama")]
public sealed class OpenAiModelTests(OpenAiServerFixture server) : IClassFixture<OpenAiServerFixture>
{
    private readonly HttpClient http = new();

    [Fact]
    public async Task Models_lists_the_served_model()
    {
        using var list = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/models"));
        Assert.Equal("list", list.RootElement.GetProperty("object").GetString());
        var model = Assert.Single(list.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal("tiny", model.GetProperty("id").GetString());
        Assert.Equal("model", model.GetProperty("object").GetString());

        using var one = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/models/tiny"));
        Assert.Equal("tiny", one.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/chat/completions", """{"model":"gpt-4o","messages":[{"role":"user","content":"x"}],"max_tokens":2}""")]
    [InlineData("/embeddings", """{"model":"text-embedding-3-small","input":"x"}""")]
    [InlineData("/models/gpt-4o", null)]
    public async Task An_unknown_model_is_404_model_not_found(string path, string? body)
    {
        var response = body is null
            ? await http.GetAsync(server.BaseUrl + path)
            : await http.PostAsync(server.BaseUrl + path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Contains("does not exist", error.GetProperty("message").GetString());
    }
}
