namespace Collab.Server.YWebSocket;

/// <summary>The outer message type of a y-websocket frame (first varUint).</summary>
public enum YMessageType
{
    Sync = 0,
    Awareness = 1,
    Auth = 2,
    QueryAwareness = 3,
}
