namespace Collab.Copilot.Runtime.Hosting;

/// <summary>An OpenAI-compatible server (vLLM, Ollama, a gateway): configuration section <c>Copilot:OpenAI</c>.</summary>
public sealed class CopilotOpenAiOptions
{
    /// <summary><c>Copilot:OpenAI:BaseUrl</c>, e.g. <c>http://vllm:8000/v1</c>. Setting it selects this backend.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>Copilot:OpenAI:ApiKey</c>; servers without keys accept any value.</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>Copilot:OpenAI:Model</c>: the chat model name the server knows.</summary>
    public string? Model { get; set; }

    /// <summary><c>Copilot:OpenAI:EmbeddingModel</c>: optional; without it no embedding generator is registered.</summary>
    public string? EmbeddingModel { get; set; }
}
