using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// The runtime settings that can only be given as environment variables (the young-generation
/// budget) are set in three places: the container image, <c>dotnet run</c>'s launch profile and
/// bench/rooms, which measures the server as those start it. They must say the same thing, and
/// say it in the form the runtime reads (a hexadecimal byte count, where "2MB" would be ignored).
/// The settings the runtime also reads from runtimeconfig.json are set once, in the project file.
/// </summary>
public sealed partial class RuntimeEnvironmentTests
{
    private const string Gen0Size = "DOTNET_GCgen0size";

    [GeneratedRegex(@"^\s*(?:ENV\s+)?DOTNET_GCgen0size=(\S+?)\s*\\?\s*$", RegexOptions.Multiline)]
    private static partial Regex DockerfileGen0Size();

    [GeneratedRegex(@"DOTNET_GCgen0size: args\.gen0size \?\? '([^']+)'")]
    private static partial Regex BenchGen0Size();

    [Fact]
    public void The_image_dotnet_run_and_the_rooms_bench_give_the_runtime_the_same_young_generation_budget()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "docker", "collab-server.Dockerfile"));
        var image = Assert.Single(DockerfileGen0Size().Matches(dockerfile)).Groups[1].Value;

        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "CollabServer", "Properties", "launchSettings.json")));
        var profiles = launch.RootElement.GetProperty("profiles").EnumerateObject().ToList();
        // dotnet run takes the first profile that runs the project.
        var run = profiles.First(p => p.Value.GetProperty("commandName").GetString() == "Project");
        var fromRun = run.Value.GetProperty("environmentVariables").GetProperty(Gen0Size).GetString();

        var bench = BenchGen0Size().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "bench", "rooms", "rooms.mjs")));
        Assert.True(bench.Success, "bench/rooms/rooms.mjs no longer sets DOTNET_GCgen0size as the image does");

        Assert.Equal(image, fromRun);
        Assert.Equal(image, bench.Groups[1].Value);
        Assert.StartsWith("0x", image);
        var bytes = long.Parse(image[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.InRange(bytes, 256 * 1024, 64 * 1024 * 1024);
    }

    /// <summary>
    /// Dynamic PGO is off in the server's runtimeconfig.json, which every way of starting it reads
    /// (image, <c>dotnet run</c>, <c>dotnet Collab.Server.dll</c>): with it on, a fresh server's first
    /// small rooms paid a quarter of their memory for instrumented code (Collab.Server.csproj).
    /// </summary>
    [Fact]
    public void The_server_runs_without_dynamic_pgo()
    {
        var path = Path.ChangeExtension(RepoPaths.ServerDll, ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
