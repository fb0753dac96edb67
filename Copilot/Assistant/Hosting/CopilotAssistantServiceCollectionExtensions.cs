using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab.Copilot.Assistant.Hosting;

/// <summary>Registers the copilot's orchestration.</summary>
public static class CopilotAssistantServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICopilot"/> with options from <c>Copilot:Answers</c>, validated at start.
    /// It needs an <c>IDocumentRetriever</c> (the Indexer); it uses an <c>IChatClient</c> when one is
    /// registered (the runtime registers one only when a model is configured) and an
    /// <c>INotebookContextSource</c> when the host provides one.
    /// </summary>
    public static IServiceCollection AddCopilotAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CopilotAnswerOptions>().Bind(configuration.GetSection(CopilotAnswerOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CopilotAnswerOptions>, CopilotAnswerOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton<CopilotAssistant>();
        services.TryAddSingleton<ICopilot>(sp => sp.GetRequiredService<CopilotAssistant>());
        return services;
    }
}
