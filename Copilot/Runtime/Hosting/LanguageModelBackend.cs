namespace Collab.Copilot.Runtime.Hosting;

/// <summary>Where the copilot's model runs.</summary>
public enum LanguageModelBackend
{
    /// <summary>No model is configured: the copilot answers extractively.</summary>
    None,

    /// <summary>A GGUF model in this process through llama.cpp.</summary>
    InProcessLlama,

    /// <summary>An OpenAI-compatible HTTP server.</summary>
    OpenAiCompatible,
}
