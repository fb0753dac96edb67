using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// Ollama: its own image, the model the words name pulled at build time into a directory the non-root user owns.
public static partial class DockerfileDrafter
{
    private const string OllamaImage = "ollama/ollama:0.5.7";

    private static string Ollama(DockerfileRequest asked, List<Note> notes)
    {
        var port = asked.Port ?? 11434;
        var model = asked.OllamaModel;
        notes.Add(new Note(model is null ? "note.ollama-model" : "note.ollama"));
        notes.Add(new Note("note.gpu-driver"));
        // The server must run for a pull, so the build starts it, pulls, and stops it in the same RUN.
        var pull = model is null ? "" : $"RUN ollama serve & server=$! \\\n    && sleep 5 \\\n    && ollama pull {model} \\\n    && kill $server\n\n";
        return $"FROM {OllamaImage}\n\nENV OLLAMA_HOST=0.0.0.0:{port} \\\n    OLLAMA_MODELS=/models\n\n" +
               "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --create-home app \\\n    && mkdir -p /models && chown 10001:10001 /models\n\n" +
               "USER 10001\n\n" + pull +
               $"EXPOSE {port}\n" +
               "HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD [\"ollama\", \"list\"]\n" +
               "ENTRYPOINT [\"ollama\"]\nCMD [\"serve\"]\n";
    }
}
