using Collab.Copilot.Runtime.Gguf;
using Collab.Copilot.Runtime.Native;
using Microsoft.Extensions.Options;

namespace Collab.Copilot.Runtime.Hosting;

/// <summary>
/// Checks the <c>Copilot</c> section at start-up; every message names the configuration key
/// (and the file or folder) at fault. The GGUF header is read here, so a missing, foreign or
/// truncated model file stops the host before it serves anything.
/// </summary>
internal sealed class CopilotRuntimeOptionsValidator : IValidateOptions<CopilotRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, CopilotRuntimeOptions options)
    {
        var errors = new List<string>();
        var model = options.Model;
        var openAi = options.OpenAI;
        if (!string.IsNullOrWhiteSpace(model.Path) && !string.IsNullOrWhiteSpace(openAi.BaseUrl))
            errors.Add("Copilot:Model:Path and Copilot:OpenAI:BaseUrl are both set; configure one backend.");

        if (options.Backend == LanguageModelBackend.InProcessLlama)
        {
            try
            {
                GgufFileInfo.Read(Path.GetFullPath(model.Path!));
            }
            catch (GgufFormatException e)
            {
                errors.Add($"Copilot:Model:Path: {e.Message}");
            }
            if (model.GpuLayers < -1) errors.Add($"Copilot:Model:GpuLayers must be -1 (all) or more, not {model.GpuLayers}.");
            if (model.ContextSize is < 16 or > 1 << 20) errors.Add($"Copilot:Model:ContextSize must be 16 to 1048576, not {model.ContextSize}.");
            if (model.ParallelSequences is < 1 or > 256) errors.Add($"Copilot:Model:ParallelSequences must be 1 to 256, not {model.ParallelSequences}.");
            if (model.QueueCapacity is < 1 or > 100_000) errors.Add($"Copilot:Model:QueueCapacity must be 1 to 100000, not {model.QueueCapacity}.");
            if (model.BatchSize < model.ParallelSequences || model.BatchSize > 1 << 16)
                errors.Add($"Copilot:Model:BatchSize must be at least Copilot:Model:ParallelSequences and at most 65536, not {model.BatchSize}.");
            if (model.Threads < 0) errors.Add($"Copilot:Model:Threads must be 0 (automatic) or more, not {model.Threads}.");
            try
            {
                LlamaLibraryFiles.Find(Path.GetFullPath(CopilotRuntimeServiceCollectionExtensions.NativeFolder(model)));
            }
            catch (LlamaNativeLibraryException e)
            {
                errors.Add($"Copilot:Model:NativeLibraryPath: {e.Message}");
            }
        }

        if (options.Backend == LanguageModelBackend.OpenAiCompatible)
        {
            if (!Uri.TryCreate(openAi.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                errors.Add($"Copilot:OpenAI:BaseUrl must be an absolute http(s) URL, not '{openAi.BaseUrl}'.");
            if (string.IsNullOrWhiteSpace(openAi.Model)) errors.Add("Copilot:OpenAI:Model is required when Copilot:OpenAI:BaseUrl is set.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
