using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cors;

/// <summary>
/// An entry of <c>Cors:AllowedOrigins</c> that no browser would send as its origin stops the start, naming the entry.
/// </summary>
[Trait("Needs", "Server")]
public sealed class CrossOriginSettingsTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("https://jupyter.example.test/")]
    [InlineData("https://jupyter.example.test/lab")]
    [InlineData("jupyter.example.test")]
    [InlineData("ftp://jupyter.example.test")]
    public async Task Start_is_refused_for_an_entry_that_is_not_an_origin(string entry)
    {
        var settings = new Dictionary<string, string> { ["Cors:AllowedOrigins:0"] = "https://ok.example.test", ["Cors:AllowedOrigins:1"] = entry };
        Assert.Contains($"Cors:AllowedOrigins:1 '{entry}' must be an origin", await InProcessServer.RefusedStartAsync(settings));
    }
}
