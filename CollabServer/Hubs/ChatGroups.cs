namespace Collab.Server.Hubs;

/// <summary>SignalR groups of chat: one per project (its joined connections), one per user (mentions).</summary>
public static class ChatGroups
{
    public static string Project(string projectId) => "chat:" + projectId;

    public static string User(string userId) => "chat-user:" + userId;
}
