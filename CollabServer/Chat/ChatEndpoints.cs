using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Projects;

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
            Refusals.Run(http, async () => TypedResults.Ok(await chat.GetHistoryAsync(projectId, before, limit, ct))));

        group.MapGet("/messages/{messageId:long}", async (string projectId, long messageId, HttpContext http, ChatService chat, CancellationToken ct) =>
            await chat.GetMessageAsync(projectId, messageId, ct) is { } message
                ? Results.Ok(message)
                : Refusals.Problem(http, ErrorCode.NotFound, $"Message {messageId} not found in this project."));

        group.MapPost("/messages", (string projectId, ChatMessageDraft draft, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                var message = await chat.SendAsync(projectId, Caller(http), draft, ct);
                return TypedResults.Created($"/api/projects/{projectId}/chat/messages/{message.Id}", message);
            }));

        group.MapPatch("/messages/{messageId:long}", (string projectId, long messageId, EditChatMessageRequest request,
            HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.EditAsync(projectId, Caller(http), messageId, request.Body, ct))));

        group.MapDelete("/messages/{messageId:long}", (string projectId, long messageId, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.DeleteAsync(projectId, Caller(http), messageId, ct))));

        group.MapGet("/search", (string projectId, string? q, int? limit, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.SearchAsync(projectId, q, limit, ct))));

        group.MapGet("/unread", async (string projectId, HttpContext http, ChatService chat, CancellationToken ct) =>
            TypedResults.Ok(await chat.GetUnreadAsync(projectId, Caller(http), ct)));

        group.MapPut("/read", (string projectId, MarkChatReadRequest request, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.MarkReadAsync(projectId, Caller(http), request.LastReadId, ct))));

        group.MapGet("/mentions", async (string projectId, HttpContext http, ChatService chat, CancellationToken ct) =>
            TypedResults.Ok(await chat.ListUnreadMentionsAsync(projectId, Caller(http), ct)));

        group.MapGet("/settings", async (string projectId, ChatService chat, CancellationToken ct) =>
            TypedResults.Ok(await chat.GetSettingsAsync(projectId, ct)));

        group.MapPut("/settings", (string projectId, ChatSettings settings, HttpContext http, ChatService chat, CancellationToken ct) =>
            Refusals.Run(http, async () => TypedResults.Ok(await chat.SetSettingsAsync(projectId, Caller(http), settings, ct))));

        return app;
    }

    private static ChatCaller Caller(HttpContext http) => new(
        http.RequestServices.GetRequiredService<ProjectAccess>().UserId(http.User)!,
        (ProjectRole)http.Items[ProjectRoleFilter.RoleItem]!);
}
