using System.Net;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.WebClient;

/// <summary>
/// The role names a site configures reach the page before sign-in; a bad one stops the start.
/// </summary>
[Trait("Needs", "Server")]
public sealed class WebClientConfigTests
{
    [Fact]
    public async Task Configured_role_names_are_served_without_a_token()
    {
        await using var server = new InProcessServer(new Dictionary<string, string>
        {
            ["WebClient:RoleNames:owner"] = "instructor",
            ["WebClient:RoleNames:Viewer"] = " student ",
        });
        using var client = new HttpClient { BaseAddress = new Uri(server.HttpUrl) };

        using var response = await client.GetAsync("/api/web-client/config");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["roleNames"]!.AsObject();
        Assert.Equal("instructor", (string?)names["owner"]);
        Assert.Equal("student", (string?)names["viewer"]);
        Assert.False(names.ContainsKey("editor"));
    }

    [Fact]
    public async Task Without_settings_the_names_are_empty()
    {
        await using var server = new InProcessServer();
        using var client = new HttpClient { BaseAddress = new Uri(server.HttpUrl) };
        var config = JsonNode.Parse(await client.GetStringAsync("/api/web-client/config"))!;
        Assert.Empty(config["roleNames"]!.AsObject());
    }

    [Theory]
    [InlineData("WebClient:RoleNames:teacher", "instructor", "WebClient:RoleNames:teacher: 'teacher' is not a role")]
    [InlineData("WebClient:RoleNames:owner", "an instructor with a very long title indeed", "WebClient:RoleNames:owner must be 1-40 characters")]
    public async Task A_bad_role_name_stops_the_start_and_names_the_key(string key, string value, string expected)
    {
        Assert.Contains(expected, await InProcessServer.RefusedStartAsync(new Dictionary<string, string> { [key] = value }));
    }
}
