using System.Collections.Concurrent;
using Collab.Server.Auth;
using Collab.Server.Chat;
using Collab.Server.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Hubs;

/// <summary>
/// Project chat on the hub. Each method checks membership (non-members get "Project not found."
/// like unknown projects), then hands off to <see cref="ChatService"/>, whose refusals (rate limit
/// included) reach the caller as hub errors with their code (see <see cref="RefusalHubFilter"/>). Calls that change something complete only after
/// the change is stored. Events: see <see cref="ChatHubEvents"/>; the protocol is in Chat/README.md.
/// </summary>
public sealed partial class CollabHub
{
    private const string ChatItem = "collab.chat";

    /// <summary>
    /// Opens a project's chat on this connection: its events start arriving, and the answer holds
    /// the newest history page (streaming messages with what has streamed so far), the unread count
    /// and the unread messages that mention the caller. Events that arrive while this call is in
    /// flight may repeat what the answer holds: match messages by id and chunks by offset.
    /// </summary>
    public async Task<ChatJoinResult> JoinChat(string projectId, [FromServices] ProjectAccess projectAccess, [FromServices] ChatService chat)
    {
        var caller = await ChatCallerAsync(projectId, projectAccess);
        // Join before reading, so nothing stored after the read can be missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.Project(projectId), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.User(caller.UserId), Context.ConnectionAborted);
        ChatProjects()[projectId] = caller;
        chatConnections.Add(projectId, Context.ConnectionId, caller.UserId);
        return await chat.JoinAsync(projectId, caller, Context.ConnectionAborted);
    }

    /// <summary>Stops this connection's events for the project's chat.</summary>
    public async Task LeaveChat(string projectId)
    {
        ChatProjects().TryRemove(projectId, out _);
        chatConnections.Remove(projectId, Context.ConnectionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroups.Project(projectId));
    }

    /// <summary>Posts a message; the answer (the stored message) is the ack.</summary>
    public async Task<ChatMessage> SendChatMessage(string projectId, ChatMessageDraft draft,
        [FromServices] ProjectAccess projectAccess, [FromServices] ChatService chat)
    {
        if (draft is null) throw Refusals.Hub(ErrorCode.Invalid, "The message is missing.");
        var caller = await ChatCallerAsync(projectId, projectAccess);
        return await chat.SendAsync(projectId, caller, draft, Context.ConnectionAborted);
    }

    public async Task<ChatMessage> EditChatMessage(string projectId, long messageId, string body,
        [FromServices] ProjectAccess projectAccess, [FromServices] ChatService chat)
    {
        var caller = await ChatCallerAsync(projectId, projectAccess);
        return await chat.EditAsync(projectId, caller, messageId, body, Context.ConnectionAborted);
    }

    /// <summary>Deletes a message, leaving its tombstone (returned).</summary>
    public async Task<ChatMessage> DeleteChatMessage(string projectId, long messageId,
        [FromServices] ProjectAccess projectAccess, [FromServices] ChatService chat)
    {
        var caller = await ChatCallerAsync(projectId, projectAccess);
        return await chat.DeleteAsync(projectId, caller, messageId, Context.ConnectionAborted);
    }

    /// <summary>Older history: messages before <paramref name="before"/> (null: the newest), oldest first.</summary>
    public async Task<ChatPage> GetChatHistory(string projectId, long? before, int? limit,
        [FromServices] ProjectAccess projectAccess, [FromServices] ChatService chat)
    {
        await ChatCallerAsync(projectId, projectAccess);
        return await chat.GetHistoryAsync(projectId, before, limit, Context.ConnectionAborted);
    }

    /// <summary>Full-text search of the project's chat (words or a pasted error), newest first.</summary>
    public async Task<IReadOnlyList<ChatMessage>> SearchChat(string projectId, string query, int? limit,
        [FromServices] ProjectAccess projectAccess, [FromServices] ChatService chat)
    {
        await ChatCallerAsync(projectId, projectAccess);
        return await chat.SearchAsync(projectId, query, limit, Context.ConnectionAborted);
    }

    /// <summary>Moves the caller's read marker forward and returns the unread state after it.</summary>
    public async Task<ChatUnread> MarkChatRead(string projectId, long lastReadId,
        [FromServices] ProjectAccess projectAccess, [FromServices] ChatService chat)
    {
        var caller = await ChatCallerAsync(projectId, projectAccess);
        return await chat.MarkReadAsync(projectId, caller, lastReadId, Context.ConnectionAborted);
    }

    /// <summary>Relays that the caller is (or stopped) typing to the others in the chat; nothing is stored.</summary>
    public async Task SendTyping(string projectId, bool isTyping, [FromServices] ChatService chat)
    {
        // Frequent and ephemeral: the membership checked by JoinChat is enough.
        if (!ChatProjects().TryGetValue(projectId, out var caller)) throw Refusals.Hub(ErrorCode.Invalid, "Not in this chat: call JoinChat first.");
        await chat.TypingAsync(projectId, caller, isTyping, Context.ConnectionId);
    }

    private async Task<ChatCaller> ChatCallerAsync(string projectId, ProjectAccess projectAccess)
    {
        var role = await projectAccess.RoleAsync(Context.User!, projectId, Context.ConnectionAborted)
            ?? throw Refusals.Hub(ErrorCode.NotFound, "Project not found.");
        return new ChatCaller(projectAccess.UserId(Context.User!)!, role);
    }

    /// <summary>The chats this connection joined, with the caller as checked then.</summary>
    private ConcurrentDictionary<string, ChatCaller> ChatProjects()
    {
        if (Context.Items.TryGetValue(ChatItem, out var joined)) return (ConcurrentDictionary<string, ChatCaller>)joined!;
        var fresh = new ConcurrentDictionary<string, ChatCaller>();
        Context.Items[ChatItem] = fresh;
        return fresh;
    }
}
