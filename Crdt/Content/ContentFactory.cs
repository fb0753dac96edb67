using System.Collections;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Types;

namespace Collab.Crdt.Content;

/// <summary>Chooses the content for a value users insert, as yjs does by the value's constructor.</summary>
internal static class ContentFactory
{
    /// <summary>Binary, sub-document or shared type content; null when the value is JSON-like.</summary>
    public static IItemContent? ForNonJson(object? value) => value switch
    {
        byte[] bytes => new ContentBinary(bytes),
        Doc doc => new ContentDoc(doc),
        AbstractType type => new ContentType(type),
        _ => null,
    };

    /// <summary>Checks a JSON-like value and turns JsonNode/JsonElement into the library's value model.</summary>
    public static object? NormalizeJson(object? value)
    {
        switch (value)
        {
            // yjs's writeAny stores a Uint8Array nested in an object or array as binary.
            case null or Undefined or string or bool or BigInteger or byte[]: return value;
            case JsonNode node: return NormalizeJson(FromJsonElement(JsonSerializer.SerializeToElement(node)));
            case JsonElement element: return NormalizeJson(FromJsonElement(element));
            case IDictionary<string, object?> dict:
                // A JS object lists integer-like keys first; reading the value back must match yjs.
                var copy = new Dictionary<string, object?>(dict.Count);
                foreach (var k in JsObjectKeys.Order(dict.Keys)) copy[k] = NormalizeJson(dict[k]);
                return copy;
            case IList list when value is not byte[]:
                var items = new List<object?>(list.Count);
                foreach (var v in list) items.Add(NormalizeJson(v));
                return items;
            default:
                if (JsNumber.TryGet(value, out _)) return value;
                throw new ArgumentException($"A value of type {value.GetType().Name} can't be stored in a shared document.");
        }
    }

    private static object? FromJsonElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(FromJsonElement).ToList(),
        _ => e.EnumerateObject().ToDictionary(p => p.Name, p => FromJsonElement(p.Value)),
    };
}
