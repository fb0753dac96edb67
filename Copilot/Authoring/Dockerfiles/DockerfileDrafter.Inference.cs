using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// Model servers: vLLM's OpenAI-compatible server on the CUDA version asked, and Triton on NVIDIA's image.
public static partial class DockerfileDrafter
{
    private const string VllmPin = "vllm==0.6.3";
    private const string TritonImage = "nvcr.io/nvidia/tritonserver:24.08-py3";

    /// <summary>
    /// vLLM installed from its pinned wheel on nvidia/cuda of the CUDA version asked, serving the model the words
    /// name (a Hugging Face id, org/name) on the stated port; the model is downloaded at start into the user's cache.
    /// </summary>
    private static string Vllm(DockerfileRequest asked, List<Note> notes)
    {
        var image = CudaImage(asked.Cuda ?? "12.4", "", notes);
        var port = asked.Port ?? 8000;
        var model = asked.HuggingFaceModel;
        notes.Add(new Note("note.vllm"));
        if (model is null) notes.Add(new Note("note.vllm-model"));
        var lines = BaseImageFamilies.NonRootUserLines(image);
        return $"FROM {image}\n\nENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1 \\\n    HF_HOME=/home/app/.cache/huggingface\n\n" +
               "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends python3 python3-pip \\\n    && rm -rf /var/lib/apt/lists/*\n\n" +
               $"RUN python3 -m pip install --no-cache-dir {VllmPin}\n\n" +
               string.Join('\n', lines) + "\n\n" +
               $"EXPOSE {port}\n" +
               $"HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 CMD [\"python3\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/health')\"]\n" +
               $"CMD [\"python3\", \"-m\", \"vllm.entrypoints.openai.api_server\", \"--model\", \"{model ?? "<org>/<model>"}\", \"--host\", \"0.0.0.0\", \"--port\", \"{port}\"]\n";
    }

    /// <summary>Triton on NVIDIA's image, its model repository at the path the words name (else /models), HTTP, gRPC and metrics ports.</summary>
    private static string Triton(DockerfileRequest asked, List<Note> notes)
    {
        notes.Add(new Note("note.triton"));
        var repository = Regex.Match(asked.Text, @"(?<![\w.])(/[\w.\-]+(?:/[\w.\-]+)*)") is { Success: true } m ? m.Groups[1].Value : "/models";
        // The image's own triton-server user (uid 1000) reads the repository.
        return $"FROM {TritonImage}\n\nCOPY --chown=1000:1000 models {repository}\n\nUSER 1000\n\nEXPOSE 8000 8001 8002\n" +
               "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"curl\", \"-fsS\", \"http://127.0.0.1:8000/v2/health/ready\"]\n" +
               $"CMD [\"tritonserver\", \"--model-repository={repository}\"]\n";
    }
}
