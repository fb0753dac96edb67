using System.Text;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

public static partial class DockerfileDrafter
{
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
}
