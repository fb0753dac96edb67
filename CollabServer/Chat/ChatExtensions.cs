using Collab.Server.Hubs;
using Collab.Server.Storage;
using Collab.Server.Storage.Postgres;
using Collab.Server.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab.Server.Chat;

public static class ChatExtensions
{
    /// <summary>
    /// Project chat: options, the chat store on whichever backend storage chose (its tables are
    /// created at start), the service (also as <see cref="IChatService"/> for bots) and hub fan-out.
    /// Call after <c>AddCollabStorage</c>, so the chat tables are created after the core ones.
    /// </summary>
    public static IHostApplicationBuilder AddCollabChat(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatOptions>()
            .Bind(builder.Configuration.GetSection(ChatOptions.Section))
            .Validate(o => o.MaxBodyChars > 0, "Chat:MaxBodyChars must be positive.")
            .Validate(o => o.MaxStreamedBodyChars >= o.MaxBodyChars, "Chat:MaxStreamedBodyChars must be at least Chat:MaxBodyChars.")
            .Validate(o => o.MaxPageSize > 0, "Chat:MaxPageSize must be positive.")
            .Validate(o => o.DefaultPageSize > 0 && o.DefaultPageSize <= o.MaxPageSize, "Chat:DefaultPageSize must be between 1 and Chat:MaxPageSize.")
            .Validate(o => o.MaxSearchResults > 0, "Chat:MaxSearchResults must be positive.")
            .Validate(o => o.MaxQueryChars > 0, "Chat:MaxQueryChars must be positive.")
            .Validate(o => o.MessagesPerSecond > 0, "Chat:MessagesPerSecond must be positive.")
            .Validate(o => o.MessageBurst >= 1, "Chat:MessageBurst must be at least 1.")
            .Validate(o => o.StreamTimeoutSeconds >= 4, "Chat:StreamTimeoutSeconds must be at least 4.")
            .ValidateOnStart();

        // The backend follows StorageOptions as resolved at run time, exactly as the other stores do.
        services.AddBackendSingleton<IChatStore, SqliteChatStore, PostgresChatStore>();
        services.AddBackendSingleton<IStoreSchemaContributor, SqliteChatSchema, PostgresChatSchema>();
        services.AddHostedService<StoreSchemaContributorInitializer>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IChatBroadcaster, HubChatBroadcaster>();
        services.AddSingleton<IChatBodyFilter, ChatSecretRedactor>();
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<ChatOpenStreams>();
        services.AddHostedService<ChatStreamWatchdog>(); // after the schema initializer above: hosted services start in order
        services.AddSingleton<ChatService>();
        services.AddSingleton<IChatService>(sp => sp.GetRequiredService<ChatService>());
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabChat(this IEndpointRouteBuilder app) => app.MapChatEndpoints();

}
