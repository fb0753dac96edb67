using System.Text;
using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>
/// Drafts Dockerfiles from words on official base images with pinned tags, a numeric non-root
/// user, caches cleaned in the same layer, and a build stage when code is compiled. Drafts lint clean.
/// </summary>
public static partial class DockerfileDrafter
{
    private const RegexOptions I = RegexOptions.IgnoreCase;

    // pytorch/pytorch runtime tags per CUDA version.
    private static readonly Dictionary<string, string> PytorchByCuda = new()
    {
        ["11.8"] = "2.3.1-cuda11.8-cudnn8-runtime", ["12.1"] = "2.4.1-cuda12.1-cudnn9-runtime", ["12.4"] = "2.5.1-cuda12.4-cudnn9-runtime",
        ["12.6"] = "2.7.1-cuda12.6-cudnn9-runtime", ["12.8"] = "2.7.1-cuda12.8-cudnn9-runtime",
    };

    private static readonly Dictionary<string, string> CudaTags = new()
    {
        ["11.8"] = "11.8.0", ["12.1"] = "12.1.1", ["12.2"] = "12.2.2", ["12.4"] = "12.4.1", ["12.6"] = "12.6.3", ["12.8"] = "12.8.1",
    };

    /// <summary>Drafts a Dockerfile for <paramref name="request"/>.</summary>
    public static DockerfileDraft Draft(string request)
    {
        var notes = new List<Note>();
        var files = new Dictionary<string, string>();
        var asked = new DockerfileRequest(request);
        var text = asked.Lower;
        string dockerfile;
        if (asked.WantsR) dockerfile = ScientificDockerfiles.R(asked, notes);
        else if (asked.WantsConda) dockerfile = ScientificDockerfiles.Micromamba(asked, notes, files);
        else if (Regex.IsMatch(text, @"\bjulia\b|\bproject\.toml\b")) dockerfile = Julia(asked, notes);
        else if (Regex.IsMatch(text, @"\b(go|golang)\b")) dockerfile = Go(asked, notes);
        else if (Regex.IsMatch(text, @"\brust\b|\bcargo\b")) dockerfile = Rust(asked, notes);
        else if (Regex.IsMatch(text, @"\b(java|spring|maven|jvm)\b")) dockerfile = Java(asked, notes);
        else if (Regex.IsMatch(text, @"\b(node(\.?js)?|npm|react|vite|next\.?js|typescript|express)\b")) dockerfile = Node(asked, notes);
        else if (Regex.IsMatch(text, @"\b(static site|static files|nginx)\b")) dockerfile = StaticSite(notes);
        else if (Regex.IsMatch(text, @"\b(cuda|gpu|pytorch|torch|tensorflow)\b")) dockerfile = Gpu(asked, notes, files);
        else if (asked.WantsJupyter) dockerfile = Jupyter(asked, notes, files);
        else dockerfile = Python(asked, notes, files);
        return new DockerfileDraft(dockerfile, files, notes, DockerfileLinter.Lint(dockerfile));
    }

    private static string Python(DockerfileRequest asked, List<Note> notes, Dictionary<string, string> files)
    {
        var version = asked.Python ?? "3.12";
        var variant = asked.Lower.Contains("alpine") ? "alpine" : "slim";
        var image = $"python:{version}-{variant}";
        var packages = asked.Packages();
        var (port, cmd) = PythonServer(packages, asked.Port, asked.AppModule);
        var sb = new StringBuilder();
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
        cmd ??= asked.ScriptCommand();
        sb.Append($"CMD {cmd ?? "[\"python\", \"main.py\"]"}\n");
        if (cmd is null) notes.Add(new Note("note.python-cmd"));
        return sb.ToString();
    }

    private static string Gpu(DockerfileRequest asked, List<Note> notes, Dictionary<string, string> files)
    {
        var text = asked.Lower;
        var cuda = asked.Cuda ?? "12.6";
        var torch = Regex.IsMatch(text, @"\b(pytorch|torch)\b");
        var packages = asked.Packages().Where(p => !Regex.IsMatch(p, "^(py)?torch$|^cuda$", I)).ToList();
        var jupyter = Regex.IsMatch(text, @"\bjupyter(lab)?\b|\bnotebook\b");
        if (jupyter && !packages.Any(p => p.StartsWith("jupyterlab"))) packages.Add("jupyterlab");
        packages.RemoveAll(p => p is "jupyter" or "notebook");
        string image;
        // A stated CUDA version the PyTorch images do not ship is kept: nvidia/cuda of that version, torch from PyTorch's wheel index.
        var torchByPip = torch && asked.Cuda is not null && !PytorchByCuda.ContainsKey(cuda);
        if (torch && !torchByPip)
        {
            if (!PytorchByCuda.TryGetValue(cuda, out var tag)) { tag = PytorchByCuda["12.6"]; notes.Add(new Note("note.torch-cuda", cuda)); }
            image = $"pytorch/pytorch:{tag}";
        }
        else image = CudaImage(cuda, text, notes);
        if (torchByPip)
        {
            torch = false;
            packages.Insert(0, "torch");
            notes.Add(new Note("note.torch-pip", cuda, TorchWheelIndex(cuda)));
        }
        var sb = new StringBuilder();
        sb.Append($"FROM {image}\n\n");
        sb.Append("ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\n\n");
        var python = torch || jupyter || packages.Count > 0 || text.Contains("python") || asked.Requirements || asked.Pyproject;
        if (!torch && python)
            sb.Append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends python3 python3-pip \\\n    && rm -rf /var/lib/apt/lists/*\n\n");
        sb.Append("WORKDIR /workspace\n\n");
        var pip = torch ? "pip" : "python3 -m pip";
        // The app's own dependency file comes first; packages named in words are installed beside it.
        if (asked.Requirements)
            sb.Append($"COPY requirements.txt /tmp/requirements.txt\nRUN {pip} install --no-cache-dir -r /tmp/requirements.txt\n\n");
        else if (asked.Pyproject)
            sb.Append($"COPY pyproject.toml /workspace/\nCOPY . /workspace\nRUN {pip} install --no-cache-dir /workspace\n\n");
        if (torchByPip)
        {
            sb.Append($"RUN {pip} install --no-cache-dir --index-url https://download.pytorch.org/whl/{TorchWheelIndex(cuda)} {PinnedPackages.Pin("torch")}\n\n");
            packages.Remove("torch");
        }
        if (!asked.Requirements && !asked.Pyproject) AppendPipInstall(sb, packages, notes, files, pip: pip);
        sb.Append(string.Join('\n', BaseImageFamilies.NonRootUserLines(image))).Append("\n\n");
        if (asked.Port is { } port && !jupyter)
        {
            sb.Append($"EXPOSE {port}\n");
            sb.Append($"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"{(torch ? "python" : "python3")}\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/')\"]\n");
        }
        if (jupyter)
        {
            sb.Append("EXPOSE 8888\n");
            sb.Append("HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8888/api')\"]\n");
            sb.Append("CMD [\"jupyter\", \"lab\", \"--ip=0.0.0.0\", \"--port=8888\", \"--no-browser\"]\n");
        }
        else if (python)
        {
            sb.Append("COPY . /workspace\n");
            sb.Append($"CMD {asked.ScriptCommand(torch ? "python" : "python3") ?? $"[\"{(torch ? "python" : "python3")}\", \"train.py\"]"}\n");
            if (asked.ScriptCommand() is null) notes.Add(new Note("note.train-cmd"));
        }
        else
        {
            sb.Append("COPY . /workspace\n");
            sb.Append("CMD [\"bash\"]\n");
        }
        notes.Add(new Note("note.gpu-driver"));
        return sb.ToString();
    }

    /// <summary>The nvidia/cuda image of a CUDA version (devel when the words compile), its tag pinned.</summary>
    internal static string CudaImage(string cuda, string lower, List<Note> notes)
    {
        if (!CudaTags.TryGetValue(cuda, out var cudaTag)) { cudaTag = "12.6.3"; notes.Add(new Note("note.cuda-tag", cuda)); }
        return $"nvidia/cuda:{cudaTag}-{(Regex.IsMatch(lower, @"\b(build|compile|nvcc|devel)\b") ? "devel" : "runtime")}-ubuntu22.04";
    }

    // PyTorch's wheel index for a CUDA version: wheels built for an older minor release run on newer drivers of the same major.
    private static string TorchWheelIndex(string cuda) => cuda switch
    {
        "11.8" => "cu118",
        "12.1" or "12.2" or "12.3" => "cu121",
        _ => "cu124",
    };

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

    /// <summary>A Jupyter image from the Jupyter Docker Stacks, extensions installed with pip as the notebook user (uid 1000).</summary>
    private static string Jupyter(DockerfileRequest asked, List<Note> notes, Dictionary<string, string> files)
    {
        const string image = "quay.io/jupyter/minimal-notebook:2024-10-07";
        var packages = asked.Packages().Where(p => p is not ("jupyter" or "notebook" or "jupyterlab")).ToList();
        var sb = new StringBuilder();
        sb.Append($"FROM {image}\n\n");
        sb.Append("# The stacks run as jovyan (uid 1000), who owns the conda environment pip installs into.\n");
        AppendPipInstall(sb, packages, notes, files);
        sb.Append("COPY --chown=1000:100 . /home/jovyan/work\n\n");
        sb.Append("USER 1000\n\n");
        sb.Append("EXPOSE 8888\n");
        sb.Append("HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8888/api')\"]\n");
        sb.Append("CMD [\"start-notebook.py\"]\n");
        notes.Add(new Note("note.jupyter-stacks"));
        return sb.ToString();
    }

    // The server the words name (uvicorn, gunicorn) or the framework's usual one, serving the app module the words name.
    private static (int? Port, string? Cmd) PythonServer(List<string> packages, int? stated, string? module)
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
            return (port, $"[\"streamlit\", \"run\", \"app.py\", \"--server.address=0.0.0.0\", \"--server.port={port}\"]");
        }
        return (stated, null);
    }

    /// <summary>The server the CMD runs, pinned, when the dependency file may not list it (uvicorn, gunicorn).</summary>
    private static string ServerExtras(List<string> packages) =>
        string.Concat(packages.Where(p => p.StartsWith("uvicorn") || p == "gunicorn").Select(p => " " + (PinnedPackages.Pin(p) is { } pin && pin.Contains('[') ? $"\"{pin}\"" : PinnedPackages.Pin(p))));

    private static string Go(DockerfileRequest asked, List<Note> notes)
    {
        notes.Add(new Note("note.go"));
        var port = asked.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        // The Go version asked ("go 1.22", "golang:1.21") is the build stage's; the binary is static, so the final stage does not care.
        var version = Regex.Match(asked.Lower, @"\b(?:go|golang)[\s:-]*(1\.\d{1,2})\b") is { Success: true } v ? v.Groups[1].Value : "1.23";
        return $"FROM golang:{version} AS build\n\nWORKDIR /src\n\nCOPY go.mod go.sum ./\nRUN go mod download\n\nCOPY . .\n" +
               "RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags=\"-s -w\" -o /out/app .\n\n" +
               // "final image scratch": nothing but the binary and the CA bundle it needs for TLS; otherwise distroless, which also carries tzdata and a passwd entry.
               (Regex.IsMatch(asked.Lower, @"\bscratch\b")
                   ? "FROM scratch\n\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\n\nUSER 65532:65532\n"
                   : FinalStage(asked, "gcr.io/distroless/static-debian12:nonroot", "COPY --from=build /out/app /app")) +
               (port.Length > 0 ? $"EXPOSE {port}\nHEALTHCHECK NONE\n" : "") + "ENTRYPOINT [\"/app\"]\n";
    }

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
        notes.Add(new Note("note.rust"));
        var version = Regex.Match(asked.Lower, @"\brust[\s:-]*(1\.\d{2})\b") is { Success: true } v ? v.Groups[1].Value : "1.83";
        var port = asked.Port is { } p ? $"EXPOSE {p}\nHEALTHCHECK NONE\n" : "";
        return $"FROM rust:{version} AS build\n\nWORKDIR /src\n\nCOPY . .\nRUN cargo build --release --locked\n\n" +
               FinalStage(asked, "gcr.io/distroless/cc-debian12:nonroot", "COPY --from=build /src/target/release/app /app") + port + "ENTRYPOINT [\"/app\"]\n";
    }

    private static string Java(DockerfileRequest asked, List<Note> notes)
    {
        notes.Add(new Note("note.java"));
        var java = Regex.Match(asked.Lower, @"\b(?:java|jdk|jre|temurin)[\s:-]*(\d{2})\b") is { Success: true } v ? v.Groups[1].Value : "21";
        var port = asked.Port ?? 8080;
        return $"FROM maven:3.9-eclipse-temurin-{java} AS build\n\nWORKDIR /src\n\nCOPY pom.xml .\nRUN mvn -B -q dependency:go-offline\n\nCOPY src ./src\nRUN mvn -B -q package -DskipTests\n\n" +
               FinalStage(asked, $"eclipse-temurin:{java}-jre", "WORKDIR /app\n\nCOPY --from=build /src/target/app.jar /app/app.jar") +
               $"\nEXPOSE {port}\nHEALTHCHECK NONE\nENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n";
    }

    private static string Node(DockerfileRequest asked, List<Note> notes)
    {
        var text = asked.Lower;
        var node = $"node:{asked.NodeMajor ?? "22"}-alpine";
        // The package manager the lockfile belongs to: pnpm (pnpm-lock.yaml, through corepack), else npm (package-lock.json).
        var pnpm = Regex.IsMatch(text, @"\bpnpm\b");
        var files = pnpm ? "package.json pnpm-lock.yaml" : "package.json package-lock.json";
        var install = pnpm ? "corepack enable && pnpm install --frozen-lockfile" : "npm ci && npm cache clean --force";
        var installProd = pnpm ? "corepack enable && pnpm install --frozen-lockfile --prod" : "npm ci --omit=dev && npm cache clean --force";
        var build = pnpm ? "pnpm run build" : "npm run build";
        var port = asked.Port ?? 3000;
        var builds = Regex.IsMatch(text, @"\b(build|react|vite|next|typescript|multi-stage)\b");
        if (builds && Regex.IsMatch(text, @"\bnginx\b"))
        {
            // Built static files served by nginx: the runtime image has no Node at all.
            notes.Add(new Note("note.node-nginx"));
            return $"FROM {node} AS build\n\nWORKDIR /src\n\nCOPY {files} ./\nRUN {install}\n\nCOPY . .\nRUN {build}\n\n" +
                   "FROM nginxinc/nginx-unprivileged:1.27-alpine\n\nCOPY --from=build /src/dist /usr/share/nginx/html\n\nUSER 101\n\nEXPOSE 8080\n" +
                   "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:8080/\"]\n";
        }
        notes.Add(new Note(builds ? "note.node-build" : "note.node-run"));
        var health = $"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:{port}/\"]\n";
        if (!builds)
            return $"FROM {node}\n\nENV NODE_ENV=production\nWORKDIR /app\n\nCOPY {files} ./\nRUN {installProd}\n\nCOPY . .\n\nUSER 1000\n\nEXPOSE {port}\n" + health + "CMD [\"node\", \"server.js\"]\n";
        return $"FROM {node} AS build\n\nWORKDIR /src\n\nCOPY {files} ./\nRUN {install}\n\nCOPY . .\nRUN {build}\n\n" +
               $"FROM {node}\n\nENV NODE_ENV=production\nWORKDIR /app\n\nCOPY {files} ./\nRUN {installProd}\nCOPY --from=build /src/dist ./dist\n\nUSER 1000\n\nEXPOSE {port}\n" + health + "CMD [\"node\", \"dist/server.js\"]\n";
    }

    private static string StaticSite(List<Note> notes)
    {
        notes.Add(new Note("note.static"));
        return "FROM nginxinc/nginx-unprivileged:1.27-alpine\n\nCOPY public/ /usr/share/nginx/html/\n\nUSER 101\n\nEXPOSE 8080\n" +
               "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:8080/\"]\n";
    }
}
