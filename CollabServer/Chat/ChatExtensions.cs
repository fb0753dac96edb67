using Microsoft.Extensions.Options;

namespace Collab.Server.Chat;

public static class ChatExtensions
{
    /// <summary>
    /// Project chat: options, the service (also as <see cref="IChatBotWriter"/> for bots), its rate
    /// limits, stream watchdog and the worker that runs bot replies. The chat store comes with the
    /// storage backend; the hub fan-out (<see cref="IChatBroadcaster"/>) with <c>AddCollabHub</c>.
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

        services.AddSingleton<IChatBodyFilter, ChatSecretRedactor>();
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<ChatOpenStreams>();
        services.AddHostedService<ChatStreamWatchdog>(); // after the schema initializers of AddCollabStorage: hosted services start in order
        services.AddSingleton<ChatService>();
        services.AddSingleton<IChatBotWriter>(sp => sp.GetRequiredService<ChatService>());
        services.AddSingleton<BotReplyQueue>();
        services.AddHostedService<BotReplyWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabChat(this IEndpointRouteBuilder app) => app.MapChatEndpoints();

}
