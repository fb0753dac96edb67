using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Errors;

/// <summary>
/// No error leaves with an empty body: unknown routes, a missing token, an unknown notebook or
/// member, and <c>/</c> without a built web client all answer problem details that say what to do.
/// </summary>
[Trait("Needs", "Server")]
public sealed class ErrorBodyTests(ErrorBodyTests.ErrorServer fixture) : IClassFixture<ErrorBodyTests.ErrorServer>
{
    private const string Project = "error-bodies";

    /// <summary>
    /// One server for the class, on an empty web root, with one project: every test's request is
    /// refused, so none changes what another sees.
    /// </summary>
    public sealed class ErrorServer : IAsyncLifetime
    {
        private readonly string _emptyWebRoot = Directory.CreateTempSubdirectory("collab-webroot-").FullName;

        public ErrorServer() => Server = new InProcessServer(new Dictionary<string, string>
        {
            ["webroot"] = _emptyWebRoot,
            ["Copilot:Docs:IndexOnStart"] = "false",
        });

        public InProcessServer Server { get; }

        public HttpClient Owner { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Owner = Server.Client(TestTokens.For("olivia"));
            (await Owner.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
        }

        public async Task DisposeAsync()
        {
            Owner.Dispose();
            await Server.DisposeAsync();
            Directory.Delete(_emptyWebRoot, recursive: true);
        }
    }

    private InProcessServer Server => fixture.Server;
    private HttpClient Owner => fixture.Owner;

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/api/projects/error-bodies/no-such-thing")]
    [InlineData("/favicon.ico")]
    public async Task An_unknown_route_points_at_the_api_description(string path)
    {
        var detail = await ProblemDetailAsync(await Owner.GetAsync(path), HttpStatusCode.NotFound, "not_found");
        Assert.Contains("/api/docs", detail);
    }

    [Fact]
    public async Task A_method_the_route_does_not_take_is_named_with_guidance()
    {
        var detail = await ProblemDetailAsync(await Owner.DeleteAsync($"/api/projects/{Project}/audit"), HttpStatusCode.MethodNotAllowed, "invalid");
        Assert.Contains("HTTP method", detail);
        Assert.Contains("/api/docs", detail);
    }

    [Fact]
    public async Task A_request_without_a_token_says_how_to_send_one()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Server.HttpUrl) };
        var detail = await ProblemDetailAsync(await anonymous.GetAsync("/api/projects"), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("Authorization: Bearer", detail);
    }

    [Fact]
    public async Task An_import_into_a_notebook_that_does_not_exist_names_it()
    {
        using var body = new StringContent("""{"cells":[],"metadata":{},"nbformat":4,"nbformat_minor":5}""", null, "application/json");
        var detail = await ProblemDetailAsync(await Owner.PostAsync($"/api/projects/{Project}/notebooks/missing.ipynb/import", body),
            HttpStatusCode.NotFound, "not_found");
        Assert.Contains("missing.ipynb", detail);
    }

    [Theory]
    [InlineData("DELETE", "/notebooks/missing.ipynb", "missing.ipynb")]
    [InlineData("GET", "/notebooks/missing.ipynb/export", "missing.ipynb")]
    [InlineData("DELETE", "/members/nobody", "nobody")]
    public async Task An_unknown_notebook_or_member_is_named(string method, string path, string name)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/projects/{Project}{path}");
        Assert.Contains(name, await ProblemDetailAsync(await Owner.SendAsync(request), HttpStatusCode.NotFound, "not_found"));
    }

    [Fact]
    public async Task Without_a_built_web_client_the_root_says_how_to_build_it()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Server.HttpUrl) };
        var detail = await ProblemDetailAsync(await client.GetAsync("/"), HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Contains("clients", detail);

        using var browser = new HttpRequestMessage(HttpMethod.Get, "/");
        browser.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await client.SendAsync(browser);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The web client is not built", await page.Content.ReadAsStringAsync());
    }
}
