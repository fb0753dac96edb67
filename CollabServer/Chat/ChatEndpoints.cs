using Collab.Server.Auth;
using Collab.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collab.Server.Chat;

public static class ChatEndpoints
{
    /// <summary>
    /// <c>/api/projects/{projectId}/chat</c>: history (<c>before=</c> cursor), one message, post,
    /// edit, delete, search, unread state, read marker, unread mentions and settings. Any member
    /// reads; posting follows the project's chat settings; non-members get 404.
    /// </summary>
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{projectId}/chat").RequireAuthorization()
            .RequireProjectRole(ProjectRole.Viewer).WithTags("Chat");

        group.MapGet("/messages", (string projectId, long? before, int? limit, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.GetHistoryAsync(projectId, before, limit, ct))))
            .WithSummary("Read the chat history")
            .WithDescription("A page of messages, newest last; page back with `before=` the smallest id received.");

        group.MapGet("/messages/{messageId:long}", async Task<Results<Ok<ChatMessage>, ProblemHttpResult>> (
            string projectId, long messageId, HttpContext http, ChatService chat, CancellationToken ct) =>
            await chat.GetMessageAsync(projectId, messageId, ct) is { } message
                ? TypedResults.Ok(message)
                : Refusals.Problem(http, ErrorCode.NotFound, $"Message {messageId} not found in this project."))
            .WithSummary("Read one chat message");

        group.MapPost("/messages", (string projectId, ChatMessageDraft draft, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                var message = await chat.SendAsync(projectId, Caller(http), draft, ct);
                return TypedResults.Created($"/api/projects/{projectId}/chat/messages/{message.Id}", message);
            }))
            .WithSummary("Post a chat message")
            .WithDescription("Follows the project's chat settings; `@copilot` mentions start an answer streamed into the chat. 429 with Retry-After past `Chat:MessagesPerSecond`.");

        group.MapPatch("/messages/{messageId:long}", (string projectId, long messageId, EditChatMessageRequest request,
            HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.EditAsync(projectId, Caller(http), messageId, request.Body, ct))))
            .WithSummary("Edit your chat message");

        group.MapDelete("/messages/{messageId:long}", (string projectId, long messageId, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.DeleteAsync(projectId, Caller(http), messageId, ct))))
            .WithSummary("Delete a chat message")
            .WithDescription("Authors delete their own; owners any. Answers the message as it is now (a tombstone).");

        group.MapGet("/search", (string projectId, string? q, int? limit, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.SearchAsync(projectId, q, limit, ct))))
            .WithSummary("Search the chat");

        group.MapGet("/unread", async (string projectId, HttpContext http, ChatService chat, CancellationToken ct) =>
            TypedResults.Ok(await chat.GetUnreadAsync(projectId, Caller(http), ct)))
            .WithSummary("Your unread count and read marker");

        group.MapPut("/read", (string projectId, MarkChatReadRequest request, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.MarkReadAsync(projectId, Caller(http), request.LastReadId, ct))))
            .WithSummary("Move your read marker");

        group.MapGet("/mentions", async (string projectId, HttpContext http, ChatService chat, CancellationToken ct) =>
            TypedResults.Ok(await chat.ListUnreadMentionsAsync(projectId, Caller(http), ct)))
            .WithSummary("Messages that mention you, unread");

        group.MapGet("/settings", async (string projectId, ChatService chat, CancellationToken ct) =>
            TypedResults.Ok(await chat.GetSettingsAsync(projectId, ct)))
            .WithSummary("The project's chat settings");

        group.MapPut("/settings", (string projectId, ChatSettings settings, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.SetSettingsAsync(projectId, Caller(http), settings, ct))))
            .WithSummary("Change the project's chat settings")
            .WithDescription("Owners only.");

        return app;
    }

    private static ChatCaller Caller(HttpContext http) => new(
        http.RequestServices.GetRequiredService<ProjectAccess>().UserId(http.User)!,
        (ProjectRole)http.Items[ProjectRoleFilter.RoleItem]!);
}
