using System.Diagnostics;

namespace Collab.Server.Tests.Support;

/// <summary>
/// The built server run as a process of its own (the service, or one of its commands), its output
/// redirected for the caller to read. The one place a test starts the server's binary, so that
/// <c>NeedsServerTraitTests</c> sees every class that does.
/// </summary>
public static class ServerCommand
{
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args) =>
        new("dotnet", [RepoPaths.ServerDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
}
