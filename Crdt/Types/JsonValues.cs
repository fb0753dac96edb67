using System.Collections;
using System.Numerics;
using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;

namespace Collab.Crdt.Types;

/// <summary>Turns stored values into JSON nodes the way yjs's <c>toJSON</c> does.</summary>
internal static class JsonValues
{
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or Undefined => null,
        AbstractType type => type.ToJson(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        byte[] bytes => JsonValue.Create(bytes),
        BigInteger big => JsonValue.Create((long)big),
        Doc doc => new JsonObject { ["guid"] = doc.Guid },
        IDictionary<string, object?> dict => ToObject(dict),
        IList list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
        _ when JsNumber.TryGet(value, out double d) => NumberNode(d),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>A JS object built from <paramref name="entries"/>: integer-like keys come first, as in yjs's output.</summary>
    public static JsonObject ToObject(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var values = entries.ToDictionary(e => e.Key, e => e.Value);
        var obj = new JsonObject();
        foreach (var k in JsObjectKeys.Order(values.Keys)) obj[k] = ToNode(values[k]);
        return obj;
    }

    // NaN and ±Infinity become null, as JSON.stringify writes them.
    private static JsonNode? NumberNode(double d) =>
        !double.IsFinite(d) ? null : Math.Floor(d) == d && Math.Abs(d) < 9007199254740992d ? JsonValue.Create((long)d) : JsonValue.Create(d);
}
