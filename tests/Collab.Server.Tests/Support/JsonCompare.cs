using System.Text.Json.Nodes;

namespace Collab.Server.Tests.Support;

public static class JsonCompare
{
    /// <summary>Deep equality of two JSON documents as JSON text would read them (numbers by value).</summary>
    public static bool Same(JsonNode? a, JsonNode? b) =>
        JsonNode.DeepEquals(JsonNode.Parse(a?.ToJsonString() ?? "null"), JsonNode.Parse(b?.ToJsonString() ?? "null"));
}
