using Collab.Server.Chat;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Hubs;

/// <summary>Delivers chat changes to the project's group on <see cref="CollabHub"/>.</summary>
public sealed class HubChatBroadcaster(IHubContext<CollabHub> hub, ILogger<HubChatBroadcaster> logger) : IChatBroadcaster
{
    public Task MessageAddedAsync(ChatMessage message) => ToProject(message.ProjectId, ChatHubEvents.ChatMessage, message);

    public Task MessageEditedAsync(ChatMessage message) => ToProject(message.ProjectId, ChatHubEvents.ChatMessageEdited, message);

    public Task MessageDeletedAsync(ChatMessage message) => ToProject(message.ProjectId, ChatHubEvents.ChatMessageDeleted, message);

    public Task ChunkAppendedAsync(ChatChunk chunk) => ToProject(chunk.ProjectId, ChatHubEvents.ChatChunk, chunk);

    public Task MessageClosedAsync(ChatMessage message) => ToProject(message.ProjectId, ChatHubEvents.ChatMessageClosed, message);

    public Task MentionedAsync(string userId, ChatMessage message) =>
        Send(hub.Clients.Group(ChatGroups.User(userId)), ChatHubEvents.Mention, message);

    public Task ReadMarkerAsync(ChatReadMarker marker) => ToProject(marker.ProjectId, ChatHubEvents.ReadMarker, marker);

    public Task TypingAsync(ChatTyping typing, string? exceptConnectionId) =>
        Send(exceptConnectionId is null
            ? hub.Clients.Group(ChatGroups.Project(typing.ProjectId))
            : hub.Clients.GroupExcept(ChatGroups.Project(typing.ProjectId), exceptConnectionId), ChatHubEvents.Typing, typing);

    private Task ToProject(string projectId, string method, object payload) =>
        Send(hub.Clients.Group(ChatGroups.Project(projectId)), method, payload);

    private async Task Send(IClientProxy clients, string method, object payload)
    {
        try
        {
            await clients.SendAsync(method, payload);
        }
        catch (Exception ex)
        {
            // The change is stored and acknowledged; clients catch up from history.
            logger.LogWarning(ex, "Could not broadcast chat event {Method}", method);
        }
    }
}
