using System.Text.RegularExpressions;
using Collab.Server.Tests.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Errors;

/// <summary>Every hub refusal carries its code as a stable <c>[code]</c> prefix (rate limits with a retry-after) that clients parse without matching text.</summary>
[Trait("Needs", "Server")]
public sealed partial class HubErrorCodeTests(HubErrorCodeTests.CodedServer fixture) : IClassFixture<HubErrorCodeTests.CodedServer>, IAsyncLifetime
{
    /// <summary>One server for the class; each test refuses in a project of its own (the chat rate limit is per user, and only one test posts).</summary>
    public sealed class CodedServer() : ClassServer(new Dictionary<string, string>
    {
        ["Limits:MaxMessageBytes"] = "65536",
        ["Chat:MessagesPerSecond"] = "1",
        ["Chat:MessageBurst"] = "3",
    });

    private InProcessServer Server => fixture.Server;

    private string Project { get; set; } = null!;

    [GeneratedRegex(@"HubException: \[(?<code>[a-z_]+)(?: retry_after=(?<after>[0-9.]+))?\] \S")]
    private static partial Regex Coded();

    public async Task InitializeAsync() => Project = await fixture.NewProjectAsync("coded", "olivia", ("vera", "viewer"));

    public Task DisposeAsync() => Task.CompletedTask;

    private static (string Code, double? RetryAfter) Parse(HubException error)
    {
        var match = Coded().Match(error.Message);
        Assert.True(match.Success, $"no code in: {error.Message}");
        return (match.Groups["code"].Value, match.Groups["after"].Success ? double.Parse(match.Groups["after"].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    [Fact]
    public async Task Document_refusals_say_not_found_forbidden_too_large_and_invalid()
    {
        await using var olivia = await HubDocClient.JoinAsync(Server, TestTokens.For("olivia"), Project, "welcome.ipynb");
        await using var vera = await HubDocClient.JoinAsync(Server, TestTokens.For("vera"), Project, "welcome.ipynb");

        Assert.Equal("not_found", Parse(await Assert.ThrowsAsync<HubException>(() =>
            olivia.Connection.InvokeAsync<object>("JoinRoom", "nowhere", "welcome.ipynb", new byte[] { 0 }))).Code);
        Assert.Equal("forbidden", Parse(await Assert.ThrowsAsync<HubException>(() => vera.SendRawAsync([0, 0]))).Code);
        Assert.Equal("too_large", Parse(await Assert.ThrowsAsync<HubException>(() => olivia.SendRawAsync(new byte[70_000]))).Code);
        Assert.Equal("invalid", Parse(await Assert.ThrowsAsync<HubException>(() => olivia.SendRawAsync([1, 5, 0xff, 0xff, 0xff]))).Code);
        Assert.Equal("invalid", Parse(await Assert.ThrowsAsync<HubException>(() =>
            olivia.Connection.InvokeAsync("SendUpdate", Project, "other.ipynb", new byte[] { 0, 0 }))).Code);
    }

    [Fact]
    public async Task Chat_refusals_say_rate_limited_with_a_retry_after_and_not_found()
    {
        await using var olivia = await ChatHubClient.ConnectAsync(Server.HttpUrl, "olivia");
        await using var nora = await ChatHubClient.ConnectAsync(Server.HttpUrl, "nora");
        Assert.Equal("not_found", Parse(await Assert.ThrowsAsync<HubException>(() => nora.JoinAsync(Project))).Code);

        HubException? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            try { await olivia.SendAsync(Project, $"message {i}"); }
            catch (HubException ex) { limited = ex; }
        }
        Assert.NotNull(limited);
        var (code, retryAfter) = Parse(limited);
        Assert.Equal("rate_limited", code);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, 0.001, 1.0); // one message per second: the next token is at most a second away
    }
}
