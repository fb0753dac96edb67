using System.Text;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// Python apps: the image, the server the framework runs under, and its CMD.
public static partial class DockerfileDrafter
{
    private static string Python(DockerfileRequest asked, List<Note> notes, Dictionary<string, string> files)
    {
        var version = asked.Python ?? "3.12";
        var variant = asked.Lower.Contains("alpine") ? "alpine" : "slim";
        // A build argument that chooses the version is declared before FROM, its default the version asked.
        var image = asked.PythonVersionArg is null ? $"python:{version}-{variant}" : $"python:${{PYTHON_VERSION}}-{variant}";
        var packages = asked.Packages();
        var (port, cmd) = PythonServer(packages, asked.Port ?? CommandPort(asked.StatedCommand), asked.AppModule, asked.Script);
        var sb = new StringBuilder();
        if (asked.PythonVersionArg is { } arg) sb.Append($"ARG PYTHON_VERSION={arg.Default}\n");
        if (asked.MultiStage && (asked.Requirements || !asked.Pyproject))
            AppendWheelStage(sb, image, asked, packages, notes, files);
        else sb.Append($"FROM {image}\n\n");
        sb.Append("ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\n\n");
        sb.Append("WORKDIR /app\n\n");
        if (asked.MultiStage && (asked.Requirements || !asked.Pyproject))
        {
            // The wheels were built in the build stage; the runtime image installs them without a compiler.
            sb.Append("COPY --from=build /wheels /wheels\n");
            sb.Append("RUN pip install --no-cache-dir --no-index /wheels/* \\\n    && rm -rf /wheels\n\n");
            sb.Append("COPY . /app\n\n");
        }
        else if (asked.Poetry) AppendPoetry(sb, packages);
        else if (asked.Uv) AppendUv(sb, asked, packages, notes, files);
        else if (asked.Pyproject && !asked.Requirements)
        {
            // The project's own metadata lists its dependencies; installing the project installs them.
            sb.Append("# pyproject.toml lists the dependencies: installing the project installs them.\n");
            sb.Append("COPY . /app\n");
            sb.Append("RUN pip install --no-cache-dir /app" + ServerExtras(packages) + "\n\n");
        }
        else
        {
            if (asked.Requirements)
            {
                sb.Append("COPY requirements.txt /tmp/requirements.txt\n");
                sb.Append("RUN pip install --no-cache-dir -r /tmp/requirements.txt" + ServerExtras(packages) + "\n\n");
            }
            else AppendPipInstall(sb, packages, notes, files);
            sb.Append("COPY . /app\n\n");
        }
        sb.Append(string.Join('\n', BaseImageFamilies.NonRootUserLines(image))).Append("\n\n");
        if (port is not null)
        {
            sb.Append($"EXPOSE {port}\n");
            sb.Append($"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/')\"]\n");
        }
        // A command the request names wins over the framework's server line.
        cmd = asked.StatedCommand ?? cmd ?? asked.ScriptCommand();
        sb.Append($"CMD {cmd ?? "[\"python\", \"main.py\"]"}\n");
        if (cmd is null) notes.Add(new Note("note.python-cmd"));
        return sb.ToString();
    }

    // The server the words name (uvicorn, gunicorn) or the framework's usual one, serving the app module the words name.
    private static (int? Port, string? Cmd) PythonServer(List<string> packages, int? stated, string? module, string? script)
    {
        if (packages.Contains("fastapi") || packages.Contains("uvicorn"))
        {
            packages.Remove("uvicorn");
            if (!packages.Any(p => p.StartsWith("uvicorn"))) packages.Add("uvicorn[standard]");
            var port = stated ?? 8000;
            return (port, $"[\"uvicorn\", \"{module ?? "main:app"}\", \"--host\", \"0.0.0.0\", \"--port\", \"{port}\"]");
        }
        if (packages.Contains("flask") || packages.Contains("django") || packages.Contains("gunicorn"))
        {
            if (!packages.Contains("gunicorn")) packages.Add("gunicorn");
            var app = module ?? (packages.Contains("django") ? "mysite.wsgi:application" : "app:app");
            var port = stated ?? 8000;
            return (port, $"[\"gunicorn\", \"--bind\", \"0.0.0.0:{port}\", \"{app}\"]");
        }
        if (packages.Contains("streamlit"))
        {
            var port = stated ?? 8501;
            return (port, $"[\"streamlit\", \"run\", \"{script ?? "app.py"}\", \"--server.address=0.0.0.0\", \"--server.port={port}\"]");
        }
        return (stated, null);
    }

    /// <summary>The port a stated command listens on ("gunicorn -b 0.0.0.0:5000 app:app"), so the image exposes that port.</summary>
    private static int? CommandPort(string? command) =>
        command is not null && Rules.ExposedPortRule.ListenPortOf(command.Replace("\"", " ").Replace(",", " ")) is { } p ? p : null;

    /// <summary>The server the CMD runs, pinned, when the dependency file may not list it (uvicorn, gunicorn).</summary>
    private static string ServerExtras(List<string> packages) =>
        string.Concat(packages.Where(p => p.StartsWith("uvicorn") || p == "gunicorn").Select(p => " " + (PinnedPackages.Pin(p) is { } pin && pin.Contains('[') ? $"\"{pin}\"" : PinnedPackages.Pin(p))));
}
