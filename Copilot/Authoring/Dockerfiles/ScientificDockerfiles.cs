using System.Text;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>Drafts for the scientific base families: conda environments (on micromamba) and R (on rocker).</summary>
internal static class ScientificDockerfiles
{
    // mambaorg/micromamba runs as its own user, uid 57439, whose shell activates the base environment.
    private const string MicromambaImage = "mambaorg/micromamba:2.0.5";
    private const string MambaUser = "57439";

    private static readonly Dictionary<string, string> RTags = new() { ["4.1"] = "4.1.3", ["4.2"] = "4.2.3", ["4.3"] = "4.3.3", ["4.4"] = "4.4.2" };

    /// <summary>A conda environment from environment.yml, installed into micromamba's base environment.</summary>
    public static string Micromamba(DockerfileRequest request, List<Note> notes, Dictionary<string, string> files)
    {
        if (!request.Lower.Contains("micromamba"))
            notes.Add(new Note("note.micromamba"));
        if (!request.Lower.Contains("environment.y"))
        {
            files[request.EnvironmentFile] = "name: base\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.12\n" +
                string.Concat(request.Packages().Concat(request.WantsJupyter ? ["jupyterlab"] : []).Distinct().Select(p => $"  - {p}\n"));
            notes.Add(new Note("note.conda-env-written"));
        }
        // "jupyterlab on 8888": the environment's JupyterLab is what the image serves.
        var port = request.Port ?? (request.WantsJupyter ? 8888 : null);
        var sb = new StringBuilder();
        if (request.Cuda is { } cuda)
        {
            AppendMicromambaOnCuda(sb, request, cuda, notes, port);
            return sb.ToString();
        }
        sb.Append($"FROM {MicromambaImage}\n\n");
        sb.Append($"COPY --chown={MambaUser}:{MambaUser} {request.EnvironmentFile} /tmp/{request.EnvironmentFile}\n");
        sb.Append($"RUN micromamba install --yes --name base --file /tmp/{request.EnvironmentFile} \\\n    && micromamba clean --all --yes\n\n");
        sb.Append("WORKDIR /app\n");
        sb.Append($"COPY --chown={MambaUser}:{MambaUser} . /app\n\n");
        sb.Append($"USER {MambaUser}\n\n");
        if (port is not null)
        {
            sb.Append($"EXPOSE {port}\n");
            sb.Append($"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/')\"]\n");
        }
        // The image's entrypoint activates the environment before CMD runs.
        sb.Append($"CMD {Command(request, port)}\n");
        notes.Add(new Note("note.conda-cmd"));
        return sb.ToString();
    }

    /// <summary>
    /// A stated CUDA version with a conda environment: the nvidia/cuda image of that version is the base
    /// and micromamba's static binary is copied in from its own image, installing into /opt/conda.
    /// </summary>
    private static void AppendMicromambaOnCuda(StringBuilder sb, DockerfileRequest request, string cuda, List<Note> notes, int? port)
    {
        var image = DockerfileDrafter.CudaImage(cuda, request.Lower, notes);
        sb.Append($"FROM {MicromambaImage} AS micromamba\n\n");
        sb.Append($"FROM {image}\n\n");
        sb.Append("COPY --from=micromamba /bin/micromamba /usr/local/bin/micromamba\n");
        sb.Append("ENV MAMBA_ROOT_PREFIX=/opt/conda \\\n    PATH=/opt/conda/bin:$PATH\n\n");
        sb.Append($"COPY {request.EnvironmentFile} /tmp/{request.EnvironmentFile}\n");
        sb.Append($"RUN micromamba install --yes --name base --file /tmp/{request.EnvironmentFile} \\\n    && micromamba clean --all --yes\n\n");
        sb.Append("WORKDIR /app\nCOPY . /app\n\n");
        sb.Append(string.Join('\n', BaseImageFamilies.NonRootUserLines(image))).Append("\n\n");
        if (port is not null)
        {
            sb.Append($"EXPOSE {port}\n");
            sb.Append($"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/')\"]\n");
        }
        sb.Append($"CMD {Command(request, port)}\n");
        notes.Add(new Note("note.conda-cmd"));
        notes.Add(new Note("note.gpu-driver"));
    }

    // The script the words name, else JupyterLab when asked (it must be in the environment file), else main.py.
    private static string Command(DockerfileRequest request, int? port) =>
        request.StatedCommand ?? request.ScriptCommand() ?? (request.WantsJupyter ? $"[\"jupyter\", \"lab\", \"--ip=0.0.0.0\", \"--port={port ?? 8888}\", \"--no-browser\"]" : "[\"python\", \"main.py\"]");

    /// <summary>
    /// JupyterLab with an R kernel: the Jupyter stacks' R image, IRkernel and the named R packages installed from conda-forge
    /// (r-&lt;name&gt;) as the notebook user, so the kernel and its packages come from one solver.
    /// </summary>
    private static string RJupyter(DockerfileRequest request, List<Note> notes)
    {
        const string image = "quay.io/jupyter/r-notebook:2024-10-07";
        var packages = request.Packages().Where(p => p is not ("jupyter" or "notebook" or "jupyterlab" or "irkernel" or "kernel")).Select(p => "r-" + p);
        notes.Add(new Note("note.r-jupyter"));
        return $"FROM {image}\n\n" +
               $"RUN mamba install --yes r-irkernel {string.Join(' ', packages)}".TrimEnd() + " \\\n    && mamba clean --all --force-pkgs-dirs --yes\n\n" +
               "COPY --chown=1000:100 . /home/jovyan/work\n\nUSER 1000\n\nEXPOSE 8888\n" +
               "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8888/api')\"]\n" +
               "CMD [\"start-notebook.py\"]\n";
    }

    /// <summary>R on rocker/r-ver (or rocker/shiny for a Shiny app), packages installed with install2.r.</summary>
    public static string R(DockerfileRequest request, List<Note> notes)
    {
        if (request.WantsJupyter) return RJupyter(request, notes);
        var version = request.R ?? "4.4";
        if (!RTags.TryGetValue(version, out var tag))
        {
            tag = RTags["4.4"];
            notes.Add(new Note("note.r-version", version, tag));
        }
        var shiny = request.Lower.Contains("shiny");
        var image = shiny ? $"rocker/shiny:{tag}" : $"rocker/r-ver:{tag}";
        var packages = request.Packages(asWritten: true).Where(p => p is not ("fastapi" or "flask" or "django" or "streamlit")).ToList();
        // A plumber API serves the R file the words name over HTTP (8000 unless a port is stated).
        var plumber = request.Lower.Contains("plumber");
        if (plumber && !packages.Contains("plumber")) packages.Add("plumber");
        var port = request.Port ?? (shiny ? 3838 : plumber ? 8000 : null);
        var sb = new StringBuilder();
        sb.Append($"FROM {image}\n\n");
        if (packages.Count > 0)
            sb.Append($"RUN install2.r --error --skipinstalled --ncpus -1 {string.Join(' ', packages)} \\\n    && rm -rf /tmp/downloaded_packages\n\n");
        sb.Append("WORKDIR /app\n\nCOPY . /app\n\n");
        sb.Append(string.Join('\n', BaseImageFamilies.NonRootUserLines(image))).Append("\n\n");
        if (port is not null)
        {
            sb.Append($"EXPOSE {port}\n");
            sb.Append($"HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"Rscript\", \"-e\", \"invisible(readLines(url('http://127.0.0.1:{port}/'), n = 1))\"]\n");
        }
        if (shiny)
            sb.Append($"CMD [\"R\", \"-e\", \"shiny::runApp('/app', host = '0.0.0.0', port = {port})\"]\n");
        else if (plumber)
            sb.Append($"CMD [\"R\", \"-e\", \"plumber::pr_run(plumber::pr('/app/{request.RScript ?? "plumber.R"}'), host = '0.0.0.0', port = {port})\"]\n");
        else sb.Append($"CMD [\"Rscript\", \"{request.RScript ?? "main.R"}\"]\n");
        if (!shiny && request.RScript is null) notes.Add(new Note("note.r-cmd"));
        notes.Add(new Note("note.cran-snapshot"));
        return sb.ToString();
    }
}
