using System.Text.Json.Nodes;

namespace Collab.Server.Execution;

/// <summary>Jupyter messaging protocol (5.3) messages Collab sends, and the fields it reads.</summary>
public static class KernelMessages
{
    public const string ProtocolVersion = "5.3";

    /// <summary>
    /// An <c>execute_request</c>. <c>allow_stdin</c> is false: in a shared notebook nobody in
    /// particular is there to answer <c>input()</c>, so the kernel raises at once instead of waiting.
    /// </summary>
    public static JsonObject ExecuteRequest(string session, string code) => Message(session, "execute_request", "shell", new JsonObject
    {
        ["code"] = code,
        ["silent"] = false,
        ["store_history"] = true,
        ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false,
        ["stop_on_error"] = true,
    });

    public static string? Type(JsonObject message) => (string?)message["header"]?["msg_type"] ?? (string?)message["msg_type"];

    public static string? Id(JsonObject message) => (string?)message["header"]?["msg_id"];

    public static string? ParentId(JsonObject message) => (string?)message["parent_header"]?["msg_id"];

    public static string? Channel(JsonObject message) => (string?)message["channel"];

    public static JsonObject Content(JsonObject message) => message["content"] as JsonObject ?? new JsonObject();

    private static JsonObject Message(string session, string type, string channel, JsonObject content) => new()
    {
        ["header"] = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["username"] = "collab",
            ["session"] = session,
            ["date"] = DateTimeOffset.UtcNow.ToString("O"),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        },
        ["parent_header"] = new JsonObject(),
        ["metadata"] = new JsonObject(),
        ["content"] = content,
        ["channel"] = channel,
        ["buffers"] = new JsonArray(),
    };
}
