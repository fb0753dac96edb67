using Collab.Copilot.Assistant;
using Collab.Copilot.Assistant.Hosting;
using Collab.Copilot.Assistant.Notebooks;
using Collab.Copilot.Runtime.Hosting;
using Collab.Copilot.Runtime.OpenAi;
using Collab.Indexer.Hosting;
using Collab.Indexer.Retrieval;
using Collab.Indexer.Storage;
using Collab.Server.Chat;
using Collab.Server.Observability;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

public static class CopilotExtensions
{
    /// <summary>
    /// The copilot: its model (<c>Copilot:Model</c> or <c>Copilot:OpenAI</c>, or none — extractive
    /// answers), the documentation index (<c>Indexer:IndexPath</c>, default <c>{Storage:DataDirectory}/index</c>,
    /// built from <c>Copilot:Docs:Path</c> in the background on the first docs search, or at start), the orchestration, read-only notebook
    /// context from live rooms, <c>@copilot</c> in chat, and the per-user rate limit. Options are
    /// validated at start. Call after <c>AddCollabChat</c> and <c>AddCollabRooms</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCollabCopilot(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[$"{IndexerOptions.Section}:IndexPath"]))
            configuration[$"{IndexerOptions.Section}:IndexPath"] = Path.Combine(configuration["Storage:DataDirectory"] ?? "data", "index");

        var services = builder.Services;
        services.AddCopilotRuntime(configuration);
        services.AddCollabIndexer(configuration);
        services.AddCopilotAssistant(configuration);
        // Copilot latency, queue depth and generated tokens for /metrics.
        services.TryDecorate<ICopilot>((sp, inner) => new MeteredCopilot(inner, sp.GetRequiredService<CollabMetrics>()));
        services.TryDecorate<IChatClient>((sp, inner) => new MeteredChatClient(inner, sp.GetRequiredService<CollabMetrics>()));

        services.AddOptions<CopilotDocsOptions>().Bind(configuration.GetSection(CopilotDocsOptions.Section)).ValidateOnStart();
        services.AddOptions<CopilotRateLimitOptions>().Bind(configuration.GetSection(CopilotRateLimitOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CopilotDocsOptions>, CopilotOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CopilotRateLimitOptions>, CopilotOptionsValidator>());

        services.TryAddSingleton<DocsFolder>();
        services.TryAddSingleton<INotebookContextSource, RoomNotebookContextSource>();
        services.TryAddSingleton<CopilotRateLimiter>();
        services.TryAddSingleton<CopilotAskGate>();
        services.TryAddSingleton<CopilotChatRuns>();
        services.TryAddSingleton<CopilotChatAdmission>();
        services.AddSingleton<IChatBotAdmission>(sp => sp.GetRequiredService<CopilotChatAdmission>());
        services.TryAddSingleton<CopilotChatResponder>();
        services.AddSingleton<IChatMentionListener>(sp => sp.GetRequiredService<CopilotChatResponder>());
        services.TryAddSingleton<DocsIndexBuild>();
        services.AddHostedService<DocsIndexStartup>();
        services.TryDecorate<IDocumentRetriever>((sp, inner) => new DocsIndexOnFirstSearch(inner, sp.GetRequiredService<DocsIndexBuild>(),
            sp.GetRequiredService<IndexSnapshotStore>(), sp.GetRequiredService<IOptions<CopilotDocsOptions>>()));
        return builder;
    }

    /// <summary>
    /// The copilot's endpoints, and with a local model (<c>Copilot:Model:Path</c>) the
    /// OpenAI-compatible <c>/v1</c> behind the same JWT auth: that is what the copilot-runtime
    /// deployment serves to collab-server and the platform's other tools.
    /// </summary>
    public static IEndpointRouteBuilder MapCollabCopilot(this IEndpointRouteBuilder app)
    {
        app.MapCopilotEndpoints().MapDocsPages();
        if (app.ServiceProvider.GetRequiredService<ILanguageModelAvailability>().Backend == LanguageModelBackend.InProcessLlama)
            app.MapOpenAiCompatibleEndpoints().RequireAuthorization().WithTags("OpenAI");
        return app;
    }
}
