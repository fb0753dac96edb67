using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// .NET: restored and published on the SDK image, run on the ASP.NET runtime (web apps) or the plain runtime (console apps, workers).
public static partial class DockerfileDrafter
{
    // The images' own non-root user (app, uid 1654) exists in every .NET 8+ image.
    private const string DotnetUid = "1654";

    private static string Dotnet(DockerfileRequest asked, List<Note> notes)
    {
        var version = asked.DotnetVersion ?? "8.0";
        var project = asked.Csproj;
        var assembly = project is null ? "App" : Path.GetFileNameWithoutExtension(project);
        if (project is null) notes.Add(new Note("note.dotnet-project", assembly));
        // A console app or worker has no web server; anything named web, API, ASP.NET or Blazor, or given a port, serves HTTP.
        var web = asked.Port is not null || Regex.IsMatch(asked.Lower, @"asp\.?net|\bweb\b|\bapi\b|blazor|\bmvc\b|razor") || !Regex.IsMatch(asked.Lower, @"consol\w*|konzol\w*|\bworker\b|\bcli\b");
        var runtime = web ? $"mcr.microsoft.com/dotnet/aspnet:{version}" : $"mcr.microsoft.com/dotnet/runtime:{version}";
        var source = project ?? "*.csproj";
        var build = $"FROM mcr.microsoft.com/dotnet/sdk:{version} AS build\n\nWORKDIR /src\n\n" +
                    // The project file first, so a code change does not restore the packages again.
                    $"COPY {source} {ProjectFolder(project)}\nRUN dotnet restore {project ?? ""}".TrimEnd() + "\n\n" +
                    $"COPY . .\nRUN dotnet publish {project ?? ""} -c Release -o /app/publish --no-restore".Replace("  ", " ") + "\n\n";
        var final = $"FROM {runtime}\n\nWORKDIR /app\n\n";
        notes.Add(new Note(web ? "note.dotnet-web" : "note.dotnet-console"));
        if (!web) return build + final + $"COPY --from=build /app/publish .\n\nUSER {DotnetUid}\n\nENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]\n";
        var port = asked.Port ?? 8080;
        // The runtime images carry no HTTP client: a health check asked for installs curl and calls the app's /healthz.
        var health = asked.WantsHealthcheck
            ? "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n\n"
            : "";
        if (asked.WantsHealthcheck) notes.Add(new Note("note.dotnet-health"));
        return build + final + health + $"COPY --from=build /app/publish .\n\nENV ASPNETCORE_HTTP_PORTS={port}\n\nUSER {DotnetUid}\n\nEXPOSE {port}\n" +
               (asked.WantsHealthcheck ? $"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"curl\", \"-fsS\", \"http://127.0.0.1:{port}/healthz\"]\n" : "HEALTHCHECK NONE\n") +
               $"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]\n";
    }

    // A project in a folder is copied into the same folder, so the restore's obj/ is where the publish looks for it.
    private static string ProjectFolder(string? project) =>
        project is not null && Path.GetDirectoryName(project) is { Length: > 0 } folder ? folder.Replace('\\', '/') + "/" : "./";
}
