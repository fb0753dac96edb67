namespace Collab.Copilot.Runtime.Hosting;

/// <summary>The <c>Copilot</c> configuration section as far as the model runtime reads it.</summary>
public sealed class CopilotRuntimeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Copilot";

    /// <summary><c>Copilot:Model</c>.</summary>
    public CopilotModelOptions Model { get; set; } = new();

    /// <summary><c>Copilot:OpenAI</c>.</summary>
    public CopilotOpenAiOptions OpenAI { get; set; } = new();

    /// <summary>Which backend the values select.</summary>
    public LanguageModelBackend Backend =>
        !string.IsNullOrWhiteSpace(Model.Path) ? LanguageModelBackend.InProcessLlama
        : !string.IsNullOrWhiteSpace(OpenAI.BaseUrl) ? LanguageModelBackend.OpenAiCompatible
        : LanguageModelBackend.None;
}
