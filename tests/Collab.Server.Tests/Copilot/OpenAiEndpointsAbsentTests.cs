using System.Net;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Copilot;

/// <summary>Without a local model the server is no OpenAI endpoint: <c>/v1</c> is not mapped.</summary>
[Trait("Needs", "Server")]
public sealed class OpenAiEndpointsAbsentTests
{
    [Fact]
    public async Task Without_a_local_model_v1_is_not_served()
    {
        await using var server = new InProcessServer();
        using var client = server.Client(TestTokens.For("tool"));
        var response = await client.GetAsync("/v1/models");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
