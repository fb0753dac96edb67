using System.Text;
using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// How a Python image installs its dependencies: pip, a wheel-building stage, Poetry or uv.
public static partial class DockerfileDrafter
{
    private static void AppendPipInstall(StringBuilder sb, List<string> packages, List<Note> notes, Dictionary<string, string> files, string pip = "pip")
    {
        if (packages.Count == 0) return;
        var pinned = packages.Select(p => PinnedPackages.Pin(p)).Where(p => p is not null).ToList();
        var unknown = packages.Where(p => PinnedPackages.Pin(p) is null).ToList();
        if (unknown.Count > 0)
        {
            // Versions the drafter does not know go to a requirements file the user pins, rather than being invented.
            files["requirements.txt"] = string.Join('\n', pinned.Concat(unknown.Select(u => $"{u}==<version>"))) + "\n";
            notes.Add(new Note("note.pin-requirements", string.Join(", ", unknown)));
            sb.Append("COPY requirements.txt /tmp/requirements.txt\n");
            sb.Append($"RUN {pip} install --no-cache-dir -r /tmp/requirements.txt\n\n");
            return;
        }
        sb.Append($"RUN {pip} install --no-cache-dir {string.Join(' ', pinned.Select(p => p!.Contains('[') ? $"\"{p}\"" : p))}\n\n");
    }

    /// <summary>A build stage that compiles every wheel with gcc, so the runtime stage needs no compiler.</summary>
    private static void AppendWheelStage(StringBuilder sb, string image, DockerfileRequest asked, List<string> packages, List<Note> notes, Dictionary<string, string> files)
    {
        sb.Append($"FROM {image} AS build\n\n");
        sb.Append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends gcc build-essential \\\n    && rm -rf /var/lib/apt/lists/*\n\n");
        sb.Append("WORKDIR /src\n\n");
        if (!asked.Requirements)
        {
            // Without a requirements file, the named packages are written to one, so both stages read the same list.
            var pinned = packages.Select(p => PinnedPackages.Pin(p) ?? $"{p}==<version>").ToList();
            files["requirements.txt"] = string.Join('\n', pinned) + "\n";
            if (packages.Any(p => PinnedPackages.Pin(p) is null)) notes.Add(new Note("note.pin-requirements", string.Join(", ", packages.Where(p => PinnedPackages.Pin(p) is null))));
        }
        sb.Append("COPY requirements.txt /src/requirements.txt\n");
        sb.Append("RUN pip wheel --no-cache-dir --wheel-dir /wheels -r /src/requirements.txt" + ServerExtras(packages) + "\n\n");
        sb.Append($"FROM {image}\n\n");
        notes.Add(new Note("note.wheel-stage"));
    }

    /// <summary>Poetry installs the project's main dependencies into the image's Python (no virtualenv inside a container).</summary>
    private static void AppendPoetry(StringBuilder sb, List<string> packages)
    {
        sb.Append("COPY pyproject.toml poetry.lock* /app/\n");
        sb.Append($"RUN pip install --no-cache-dir {PinnedPackages.Pin("poetry")} \\\n    && poetry config virtualenvs.create false \\\n" +
                  "    && poetry install --only main --no-root --no-interaction --no-ansi \\\n    && rm -rf /root/.cache/pypoetry\n");
        if (ServerExtras(packages) is { Length: > 0 } extras) sb.Append($"RUN pip install --no-cache-dir{extras}\n");
        sb.Append("\nCOPY . /app\n\n");
    }

    /// <summary>uv installs the dependencies (the project, its requirements file, or the named packages) into the image's Python.</summary>
    private static void AppendUv(StringBuilder sb, DockerfileRequest asked, List<string> packages, List<Note> notes, Dictionary<string, string> files)
    {
        sb.Append($"COPY --from={UvImage} /uv /usr/local/bin/uv\n");
        if (asked.Requirements)
            sb.Append("COPY requirements.txt /tmp/requirements.txt\nRUN uv pip install --system --no-cache -r /tmp/requirements.txt" + ServerExtras(packages) + "\n\nCOPY . /app\n\n");
        else if (Regex.IsMatch(asked.Lower, @"\buv\.lock\b"))
        {
            // A lockfile is installed exactly as locked, into the image's Python, without the project itself until its code is copied.
            sb.Append("COPY pyproject.toml uv.lock /app/\nENV UV_PROJECT_ENVIRONMENT=/usr/local\nRUN uv sync --frozen --no-dev --no-install-project --no-cache\n");
            if (ServerExtras(packages) is { Length: > 0 } extras) sb.Append("RUN uv pip install --system --no-cache" + extras + "\n");
            sb.Append("\nCOPY . /app\n\n");
        }
        else if (asked.Pyproject && Regex.IsMatch(asked.Lower, @"pyproject"))
            // The dependencies first (uv reads them from pyproject.toml), so a code change does not reinstall them.
            sb.Append("COPY pyproject.toml /app/\nRUN uv pip install --system --no-cache -r /app/pyproject.toml" + ServerExtras(packages) + "\n\nCOPY . /app\n\n");
        else
        {
            var unknown = packages.Where(p => PinnedPackages.Pin(p) is null).ToList();
            if (unknown.Count > 0)
            {
                files["requirements.txt"] = string.Join('\n', packages.Select(p => PinnedPackages.Pin(p) ?? $"{p}==<version>")) + "\n";
                notes.Add(new Note("note.pin-requirements", string.Join(", ", unknown)));
                sb.Append("COPY requirements.txt /tmp/requirements.txt\nRUN uv pip install --system --no-cache -r /tmp/requirements.txt\n\n");
            }
            else if (packages.Count > 0)
                sb.Append($"RUN uv pip install --system --no-cache {string.Join(' ', packages.Select(p => PinnedPackages.Pin(p)!).Select(p => p.Contains('[') ? $"\"{p}\"" : p))}\n\n");
            sb.Append("COPY . /app\n\n");
        }
    }

    // uv's own image carries only the static binary, pinned.
    private const string UvImage = "ghcr.io/astral-sh/uv:0.5.11";
}
