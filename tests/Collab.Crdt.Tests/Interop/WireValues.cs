using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// Values as the edit scripts carry them (plain JSON plus <c>{"$bin": base64}</c> and
/// <c>{"$type": "map"|"array"|"text", "init": ...}</c> (a map's init is a list of key-value pairs), as yjs-peer.mjs reads them), and the
/// "deep" view of a document that yjs-peer.mjs also builds: JSON with text deltas kept.
/// </summary>
public static class WireValues
{
    private static readonly JsonSerializerOptions CanonicalOptions = new(JsonSerializerOptions.Default) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The C# value a wire value stands for. Numbers keep the CLR type they were built with.</summary>
    public static object? ToValue(JsonNode? node)
    {
        switch (node)
        {
            case null: return null;
            case JsonArray array: return array.Select(ToValue).ToList();
            case JsonObject obj when obj["$bin"] is { } bin: return Convert.FromBase64String((string)bin!);
            case JsonObject obj when obj["$type"] is { } kind: return NewType((string)kind!, obj["init"]);
            case JsonObject obj:
                var dict = new Dictionary<string, object?>();
                foreach (var (k, v) in obj) dict[k] = ToValue(v);
                return dict;
            default:
                var value = node.AsValue().GetValue<object>();
                return value is JsonElement e ? FromElement(e) : value;
        }
    }

    private static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        _ => throw new ArgumentException("Unexpected JSON " + e),
    };

    private static AbstractType NewType(string kind, JsonNode? init)
    {
        switch (kind)
        {
            case "map":
                var map = new YMap();
                if (init is JsonArray entries) foreach (var pair in entries) map.Set((string)pair![0]!, ToValue(pair[1]));
                return map;
            case "array":
                var array = new YArray();
                if (init is JsonArray items) array.Push(items.Select(ToValue).ToArray());
                return array;
            case "text": return new YText((string?)init);
            default: throw new ArgumentException("Unknown type " + kind);
        }
    }

    /// <summary>The roots text, array and map as yjs-peer.mjs's <c>deep</c> renders them.</summary>
    public static JsonNode DeepState(Doc doc) =>
        new JsonArray(Deep(doc.GetText("text")), Deep(doc.GetArray("array")), Deep(doc.GetMap("map")));

    /// <summary>The roots' <c>toJSON</c>, as yjs-peer.mjs's <c>state</c> renders them.</summary>
    public static JsonNode JsonState(Doc doc) => new JsonObject
    {
        ["text"] = doc.GetText("text").ToJson(),
        ["array"] = doc.GetArray("array").ToJson(),
        ["map"] = doc.GetMap("map").ToJson(),
    };

    private static JsonNode? Deep(object? value)
    {
        switch (value)
        {
            case YText text:
                return new JsonObject
                {
                    ["$text"] = new JsonArray(text.ToDelta().Select(op =>
                    {
                        var o = new JsonObject { ["insert"] = Deep(op.Insert) };
                        if (op.Attributes is { } attrs) o["attributes"] = Deep(attrs);
                        return (JsonNode)o;
                    }).ToArray()),
                };
            case YMap map:
                // yjs-peer.mjs collects map entries into a JS object, which lists integer-like keys first.
                var values = map.Entries.ToDictionary();
                var entries = new JsonObject();
                foreach (var k in JsObjectKeys.Order(values.Keys)) entries[k] = Deep(values[k]);
                return new JsonObject { ["$map"] = entries };
            case YArray array: return new JsonObject { ["$array"] = new JsonArray(array.ToArray().Select(Deep).ToArray()) };
            case byte[] bytes: return new JsonObject { ["$bin"] = Convert.ToBase64String(bytes) };
            case IDictionary<string, object?> dict:
                var obj = new JsonObject();
                foreach (var (k, v) in dict) obj[k] = Deep(v);
                return obj;
            case System.Collections.IList list: return new JsonArray(list.Cast<object?>().Select(Deep).ToArray());
            default: return JsonValues.ToNode(value);
        }
    }

    /// <summary>One spelling for equal JSON, whichever side wrote it.</summary>
    public static string Canonical(JsonNode? node) => node?.ToJsonString(CanonicalOptions) ?? "null";

    public static string Canonical(string json) => Canonical(JsonNode.Parse(json));

    /// <summary>
    /// <paramref name="node"/> with every object's keys sorted: peers agree on map content, but a
    /// map lists its keys in the order this peer first saw them.
    /// </summary>
    public static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray array => new JsonArray(array.Select(SortKeys).ToArray()),
        _ => node?.DeepClone(),
    };
}
