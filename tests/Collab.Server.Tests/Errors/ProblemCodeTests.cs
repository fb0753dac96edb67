using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Errors;

/// <summary>REST refusals are problem details carrying the same <c>code</c> as hub errors (and <c>retryAfter</c> with a Retry-After header for rate limits).</summary>
[Trait("Needs", "Server")]
public sealed class ProblemCodeTests(ProblemCodeTests.ProblemServer fixture) : IClassFixture<ProblemCodeTests.ProblemServer>, IAsyncLifetime
{
    /// <summary>One server for the class; each test in a project of its own (the chat rate limit is per user, and only one test posts).</summary>
    public sealed class ProblemServer() : ClassServer(new Dictionary<string, string>
    {
        ["Chat:MessagesPerSecond"] = "1",
        ["Chat:MessageBurst"] = "2",
    });

    private InProcessServer Server => fixture.Server;

    private string Project { get; set; } = null!;

    public async Task InitializeAsync() => Project = await fixture.NewProjectAsync("problems", "olivia", ("vera", "viewer"));

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    [Fact]
    public async Task Each_refusal_kind_has_its_code()
    {
        using var olivia = Server.Client(TestTokens.For("olivia"));
        using var vera = Server.Client(TestTokens.For("vera"));
        using var nora = Server.Client(TestTokens.For("nora"));
        await ProblemAsync(await nora.GetAsync($"/api/projects/{Project}/notebooks"), HttpStatusCode.NotFound, "not_found");
        await ProblemAsync(await vera.GetAsync($"/api/projects/{Project}/audit"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(await olivia.PostAsJsonAsync("/api/projects", new { id = "Not A Valid Id" }), HttpStatusCode.BadRequest, "invalid");
        await ProblemAsync(await olivia.PostAsJsonAsync("/api/projects", new { id = Project }), HttpStatusCode.Conflict, "conflict");
        await ProblemAsync(await olivia.GetAsync($"/api/projects/{Project}/chat/messages/999999"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_rate_limited_post_says_when_to_retry()
    {
        using var olivia = Server.Client(TestTokens.For("olivia"));
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await olivia.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = $"hello {i}" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        Assert.NotNull(limited);
        var problem = await ProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(problem.GetProperty("retryAfter").GetDouble(), 0.001, 1.0);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("Chat:MessagesPerSecond", problem.GetProperty("detail").GetString());
    }
}
