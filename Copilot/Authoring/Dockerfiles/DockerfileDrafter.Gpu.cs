using System.Text;
using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// CUDA images: pytorch/pytorch when its tags ship the CUDA asked, else nvidia/cuda with Python and pip.
public static partial class DockerfileDrafter
{
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
        return $"nvidia/cuda:{cudaTag}-{(Regex.IsMatch(lower, @"\b(build(?![\s\-_]?arg)|compile|nvcc|devel)\b") ? "devel" : "runtime")}-ubuntu22.04";
    }

    // PyTorch's wheel index for a CUDA version: wheels built for an older minor release run on newer drivers of the same major.
    private static string TorchWheelIndex(string cuda) => cuda switch
    {
        "11.8" => "cu118",
        "12.1" or "12.2" or "12.3" => "cu121",
        _ => "cu124",
    };
}
