using System.ClientModel;
using System.Runtime.CompilerServices;
using Collab.Copilot.Runtime.Chat;
using Collab.Copilot.Runtime.Embeddings;
using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Collab.Copilot.Runtime.Hosting;

/// <summary>Registers the copilot's language model from the <c>Copilot</c> configuration section.</summary>
public static class CopilotRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Selects the backend from configuration: <c>Copilot:Model:Path</c> → llama.cpp in process;
    /// <c>Copilot:OpenAI:BaseUrl</c> → an OpenAI-compatible server; neither → no model.
    /// Always registers <see cref="ILanguageModelAvailability"/>; registers <see cref="IChatClient"/>
    /// (and an <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> where the backend has
    /// one) only when a model is configured. Options are validated at start with messages
    /// naming the bad key, and the in-process model is loaded at start.
    /// </summary>
    public static IServiceCollection AddCopilotRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CopilotRuntimeOptions.Section);
        services.AddOptions<CopilotRuntimeOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CopilotRuntimeOptions>, CopilotRuntimeOptionsValidator>());
        services.TryAddSingleton<ILanguageModelAvailability>(sp => new LanguageModelAvailability(sp.GetRequiredService<IOptions<CopilotRuntimeOptions>>().Value));

        // The backend decides which services exist, so it is read now; its values are validated at start.
        var selected = section.Get<CopilotRuntimeOptions>() ?? new CopilotRuntimeOptions();
        switch (selected.Backend)
        {
            case LanguageModelBackend.InProcessLlama:
                services.TryAddSingleton(sp => LlamaRuntime.Load(RuntimeOptions(sp.GetRequiredService<IOptions<CopilotRuntimeOptions>>().Value.Model),
                    sp.GetService<ILoggerFactory>()?.CreateLogger("Collab.Copilot.Runtime.Llama")));
                services.TryAddSingleton<IChatClient>(sp => new LlamaChatClient(sp.GetRequiredService<LlamaRuntime>()));
                services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => new LlamaEmbeddingGenerator(sp.GetRequiredService<LlamaRuntime>()));
                services.AddHostedService<LlamaRuntimeStartup>();
                break;
            case LanguageModelBackend.OpenAiCompatible:
                AddOpenAi(services, selected.OpenAI);
                break;
        }
        return services;
    }

    // Its own method, kept out of line: compiling AddCopilotRuntime then loads no OpenAI assembly, so
    // a server without that backend (most) never maps the OpenAI client (about 1.4 MB resident).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenAi(IServiceCollection services, CopilotOpenAiOptions selected)
    {
        services.TryAddSingleton(sp => OpenAiClient(sp.GetRequiredService<IOptions<CopilotRuntimeOptions>>().Value.OpenAI));
        services.TryAddSingleton<IChatClient>(sp =>
            sp.GetRequiredService<OpenAIClient>().GetChatClient(sp.GetRequiredService<IOptions<CopilotRuntimeOptions>>().Value.OpenAI.Model!).AsIChatClient());
        if (!string.IsNullOrWhiteSpace(selected.EmbeddingModel))
            services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
                sp.GetRequiredService<OpenAIClient>().GetEmbeddingClient(sp.GetRequiredService<IOptions<CopilotRuntimeOptions>>().Value.OpenAI.EmbeddingModel!).AsIEmbeddingGenerator());
    }

    internal static string NativeFolder(CopilotModelOptions model) =>
        string.IsNullOrWhiteSpace(model.NativeLibraryPath) ? AppContext.BaseDirectory : model.NativeLibraryPath;

    private static LlamaRuntimeOptions RuntimeOptions(CopilotModelOptions model) => new()
    {
        ModelPath = model.Path!,
        ModelId = string.IsNullOrWhiteSpace(model.Name) ? null : model.Name,
        NativeLibraryPath = NativeFolder(model),
        GpuLayers = model.GpuLayers,
        Scheduler = new SchedulerOptions
        {
            ContextSize = model.ContextSize,
            ParallelSequences = model.ParallelSequences,
            QueueCapacity = model.QueueCapacity,
            BatchSize = model.BatchSize,
            Threads = model.Threads,
        },
    };

    private static OpenAIClient OpenAiClient(CopilotOpenAiOptions options) =>
        new(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey),
            new OpenAIClientOptions { Endpoint = new Uri(options.BaseUrl!) });
}
