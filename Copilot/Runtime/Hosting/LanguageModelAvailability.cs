namespace Collab.Copilot.Runtime.Hosting;

/// <summary>The configured answer to <see cref="ILanguageModelAvailability"/>.</summary>
internal sealed class LanguageModelAvailability(CopilotRuntimeOptions options) : ILanguageModelAvailability
{
    public bool IsAvailable => Backend != LanguageModelBackend.None;

    public LanguageModelBackend Backend => options.Backend;

    public string Description => Backend switch
    {
        LanguageModelBackend.InProcessLlama => $"llama.cpp in process: {options.Model.Path}",
        LanguageModelBackend.OpenAiCompatible => $"OpenAI-compatible server {options.OpenAI.BaseUrl}, model {options.OpenAI.Model}",
        _ => "no language model configured (extractive answers only)",
    };
}
