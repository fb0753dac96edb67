using System.Text;
using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// Compiled languages (Go, Rust, Java) build in one stage and run from a small final image; Julia precompiles its depot.
public static partial class DockerfileDrafter
{
    private static string Go(DockerfileRequest asked, List<Note> notes)
    {
        notes.Add(new Note("note.go"));
        var port = asked.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        // The Go version asked ("go 1.22", "golang:1.21") is the build stage's; the binary is static, so the final stage does not care.
        var version = Regex.Match(asked.Lower, @"\b(?:go|golang)[\s:-]*(1\.\d{1,2})\b") is { Success: true } v ? v.Groups[1].Value : "1.23";
        return $"FROM golang:{version} AS build\n\nWORKDIR /src\n\nCOPY go.mod go.sum ./\nRUN go mod download\n\nCOPY . .\n" +
               "RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags=\"-s -w" + VersionFlag(asked) + "\" -o /out/app .\n\n" +
               // "final image scratch": nothing but the binary and the CA bundle it needs for TLS; otherwise distroless, which also carries tzdata and a passwd entry.
               (Regex.IsMatch(asked.Lower, @"\bscratch\b")
                   ? "FROM scratch\n\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\n\nUSER 65532:65532\n"
                   : FinalStage(asked, "gcr.io/distroless/static-debian12:nonroot", "COPY --from=build /out/app /app")) +
               (port.Length > 0 ? $"EXPOSE {port}\nHEALTHCHECK NONE\n" : "") + "ENTRYPOINT [\"/app\"]\n";
    }

    // A VERSION build argument is stamped into the binary's main.version (declared in the build stage by WithBuildArgs).
    private static string VersionFlag(DockerfileRequest asked) =>
        asked.BuildArgs.Any(a => a.Name == "VERSION") ? " -X main.version=${VERSION}" : "";

    /// <summary>
    /// Julia: the official image at the version asked, the project's environment (Project.toml and
    /// Manifest.toml) instantiated and precompiled into a depot the non-root user can read; Pluto served
    /// on the stated port when asked, else the script the words name.
    /// </summary>
    private static string Julia(DockerfileRequest asked, List<Note> notes)
    {
        notes.Add(new Note("note.julia"));
        var version = Regex.Match(asked.Lower, @"\bjulia[\s:-]*(1\.\d{1,2})\b") is { Success: true } v ? v.Groups[1].Value : "1.11";
        var image = $"julia:{version}";
        var pluto = Regex.IsMatch(asked.Lower, @"\bpluto\b");
        var port = asked.Port ?? (pluto ? 1234 : null);
        var script = Regex.Match(asked.Text, @"([\w\-/]+\.jl)\b") is { Success: true } s ? s.Groups[1].Value : "main.jl";
        var sb = new StringBuilder($"FROM {image}\n\n");
        sb.Append("ENV JULIA_DEPOT_PATH=/opt/julia-depot JULIA_PROJECT=/app\n\nWORKDIR /app\n\n");
        sb.Append(string.Join('\n', BaseImageFamilies.NonRootUserLines(image).Where(l => l.StartsWith("RUN", StringComparison.Ordinal))) + "\n\n");
        // The environment first, so a code change does not re-resolve and re-precompile it.
        sb.Append("COPY Project.toml Manifest.toml /app/\n");
        sb.Append("RUN julia -e 'using Pkg; Pkg.instantiate(); " + (pluto ? "Pkg.add(\"Pluto\"); " : "") + "Pkg.precompile()' \\\n    && chown -R 10001:10001 /opt/julia-depot\n\n");
        sb.Append("COPY . /app\n\nUSER 10001\n");
        if (port is { } p) sb.Append($"EXPOSE {p}\nHEALTHCHECK NONE\n");
        sb.Append(pluto
            ? $"CMD [\"julia\", \"-e\", \"using Pluto; Pluto.run(host=\\\"0.0.0.0\\\", port={port}, launch_browser=false, require_secret_for_access=false)\"]\n"
            : $"CMD [\"julia\", \"--project=/app\", \"{script}\"]\n");
        return sb.ToString();
    }

    /// <summary>
    /// The final stage of a compiled build: the image the words name for it ("final image debian:12-slim"), else
    /// <paramref name="fallback"/>, with <paramref name="copy"/> and that image's non-root user.
    /// </summary>
    private static string FinalStage(DockerfileRequest asked, string fallback, string copy)
    {
        // An untagged name the fallback pins ("gcr.io/distroless/static" → static-debian12:nonroot) is the fallback.
        var image = asked.FinalBase is { } named && (named.Contains(':') || named.Contains('/')) && !fallback.StartsWith(named, StringComparison.Ordinal) ? named : fallback;
        return $"FROM {image}\n\n{copy}\n\n" + string.Join('\n', BaseImageFamilies.NonRootUserLines(image)) + "\n";
    }

    private static string Rust(DockerfileRequest asked, List<Note> notes)
    {
        // The binary is the crate's name; the words may name it ("the binary is called api-server").
        var binary = asked.BinaryName ?? "app";
        notes.Add(new Note("note.rust", binary));
        var version = Regex.Match(asked.Lower, @"\brust[\s:-]*(1\.\d{2})\b") is { Success: true } v ? v.Groups[1].Value : "1.83";
        var port = asked.Port is { } p ? $"EXPOSE {p}\nHEALTHCHECK NONE\n" : "";
        return $"FROM rust:{version} AS build\n\nWORKDIR /src\n\nCOPY . .\nRUN cargo build --release --locked\n\n" +
               FinalStage(asked, "gcr.io/distroless/cc-debian12:nonroot", $"COPY --from=build /src/target/release/{binary} /app") + port + "ENTRYPOINT [\"/app\"]\n";
    }

    // Gradle builds the jar (Spring Boot's bootJar when Spring is named, so the plain jar is not built beside it).
    private static string Gradle(DockerfileRequest asked, string java, int port)
    {
        var task = asked.Lower.Contains("spring") ? "bootJar" : "jar";
        return $"FROM gradle:8.10-jdk{java} AS build\n\nWORKDIR /src\n\nCOPY build.gradle* settings.gradle* ./\nRUN gradle dependencies --no-daemon -q\n\n" +
               $"COPY src ./src\nRUN gradle {task} --no-daemon -q \\\n    && cp build/libs/*.jar /src/app.jar\n\n" +
               FinalStage(asked, $"eclipse-temurin:{java}-jre", "WORKDIR /app\n\nCOPY --from=build /src/app.jar /app/app.jar") +
               $"\nEXPOSE {port}\nHEALTHCHECK NONE\nENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n";
    }

    private static string Java(DockerfileRequest asked, List<Note> notes)
    {
        notes.Add(new Note(asked.Lower.Contains("gradle") ? "note.gradle" : "note.java"));
        var java = Regex.Match(asked.Lower, @"\b(?:java|jdk|jre|temurin)[\s:-]*(\d{2})\b") is { Success: true } v ? v.Groups[1].Value : "21";
        var port = asked.Port ?? 8080;
        if (asked.Lower.Contains("gradle")) return Gradle(asked, java, port);
        return $"FROM maven:3.9-eclipse-temurin-{java} AS build\n\nWORKDIR /src\n\nCOPY pom.xml .\nRUN mvn -B -q dependency:go-offline\n\nCOPY src ./src\nRUN mvn -B -q package -DskipTests\n\n" +
               FinalStage(asked, $"eclipse-temurin:{java}-jre", "WORKDIR /app\n\nCOPY --from=build /src/target/app.jar /app/app.jar") +
               $"\nEXPOSE {port}\nHEALTHCHECK NONE\nENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n";
    }
}
