using System.Text.Json;
using System.Text.RegularExpressions;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.ApiDocs;

/// <summary>
/// <c>/openapi/v1.json</c> describes every operation (summary, typed results, the problem body of
/// every error, the bearer scheme where a token is needed), and <c>/api/docs</c> serves the
/// interactive page under the server's CSP.
/// </summary>
[Trait("Needs", "Server")]
public sealed partial class OpenApiDocumentTests(OpenApiDocumentTests.DocumentServer fixture) : IClassFixture<OpenApiDocumentTests.DocumentServer>
{
    /// <summary>One server and its document for the class: the tests only read them.</summary>
    public sealed class DocumentServer() : ClassServer(new Dictionary<string, string> { ["Copilot:Docs:IndexOnStart"] = "false" })
    {
        public JsonElement Document { get; private set; }

        protected override async Task SeedAsync()
        {
            using var client = new HttpClient { BaseAddress = new Uri(Server.HttpUrl) };
            Document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        }
    }

    private InProcessServer Server => fixture.Server;
    private JsonElement Document => fixture.Document;

    private IEnumerable<(string Name, JsonElement Operation)> Operations() =>
        from path in Document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name != "parameters"
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    [Fact]
    public void Every_operation_has_a_summary_and_a_problem_body_for_errors()
    {
        var operations = Operations().ToList();
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations described");
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("summary", out var summary) && summary.GetString() is { Length: > 0 }, $"{name} has no summary");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("default", out var error), $"{name} has no default (error) response");
            Assert.Equal("#/components/schemas/ProblemDetails",
                error.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public void The_bearer_scheme_is_declared_and_required_exactly_where_a_token_is()
    {
        var scheme = Document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());

        string[] anonymous = ["GET /api/auth/config", "GET /api/web-client/config", "GET /docs/{path}"];
        foreach (var (name, operation) in Operations())
        {
            var secured = operation.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("Bearer", out _));
            Assert.True(secured != anonymous.Contains(name), $"{name}: security {(secured ? "declared" : "missing")}");
            if (secured) Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{name} has no 401");
        }
    }

    [Theory]
    [InlineData("get", "/api/projects/{projectId}/chat/messages", "200")]
    [InlineData("post", "/api/projects/{projectId}/chat/messages", "201")]
    [InlineData("get", "/api/projects/{projectId}/chat/messages/{messageId}", "200")]
    [InlineData("patch", "/api/projects/{projectId}/chat/messages/{messageId}", "200")]
    [InlineData("get", "/api/projects/{projectId}/chat/search", "200")]
    [InlineData("put", "/api/projects/{projectId}/chat/settings", "200")]
    [InlineData("post", "/api/projects/{projectId}/notebooks/{name}/run", "200")]
    [InlineData("get", "/api/projects/{projectId}/kernels", "200")]
    public void Results_that_carry_a_body_name_its_schema(string method, string path, string status)
    {
        var content = Document.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("responses").GetProperty(status).GetProperty("content");
        Assert.True(content.GetProperty("application/json").TryGetProperty("schema", out _), $"{method} {path} {status} has no schema");
    }

    [Fact]
    public async Task The_interactive_page_runs_its_scripts_under_the_servers_policy()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Server.HttpUrl) };
        using var page = await client.GetAsync("/api/docs/");
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));

        var nonce = Nonce().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        // Every script on the page, the inline start-up one included, carries the response's nonce.
        Assert.All(Regex.Matches(html, "<script[^>]*>"), script => Assert.Contains($"nonce=\"{nonce}\"", script.Value));
        Assert.Contains("openapi/v1.json", html);

        using var again = await client.GetAsync("/api/docs/");
        Assert.DoesNotContain($"'nonce-{nonce}'", string.Join(" ", again.Headers.GetValues("Content-Security-Policy")));
        using var bundle = await client.GetAsync("/api/docs/scalar.js");
        bundle.EnsureSuccessStatusCode();
    }

    [GeneratedRegex("script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
