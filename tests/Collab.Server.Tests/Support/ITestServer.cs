namespace Collab.Server.Tests.Support;

/// <summary>
/// What the tests' clients need of a server, whether it runs in the test process
/// (<see cref="InProcessServer"/>) or as its own process (<see cref="ServerProcess"/>), so a test
/// takes the cheaper one unless it kills, restarts or reads the console of the server.
/// </summary>
public interface ITestServer
{
    string HttpUrl { get; }
    string WsUrl { get; }

    /// <summary>An HTTP client for the server, sending <paramref name="token"/> as the bearer token.</summary>
    HttpClient Client(string token);
}
