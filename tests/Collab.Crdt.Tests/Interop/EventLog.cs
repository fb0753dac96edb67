using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Events;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// What deep observers of the roots text, array and map see, rendered as yjs-peer.mjs's
/// <c>describeEvent</c> renders yjs events: path, delta, and changed keys with old values.
/// </summary>
public sealed class EventLog
{
    private readonly JsonArray _log = new();

    public EventLog(Doc doc)
    {
        foreach (var root in EditOps.Roots)
        {
            EditOps.Root(doc, root).ObserveDeep((events, _) =>
                _log.Add(new JsonObject { ["root"] = root, ["events"] = new JsonArray(events.Select(Describe).ToArray()) }));
        }
    }

    /// <summary>The events since the last call, in canonical JSON.</summary>
    public string Take()
    {
        var json = WireValues.Canonical(_log);
        _log.Clear();
        return json;
    }

    private static JsonNode Describe(YEvent e) => new JsonObject
    {
        ["path"] = new JsonArray(e.Path.Select(p => p is string s ? JsonValue.Create(s) : (JsonNode)JsonValue.Create((int)p)).ToArray()),
        ["delta"] = new JsonArray(e.Delta.Select(DescribeOp).ToArray()),
        ["keys"] = new JsonArray(e.Keys.Select(k => (JsonNode)new JsonArray(k.Key, k.Value.Action, Value(k.Value.OldValue))).ToArray()),
    };

    private static JsonNode DescribeOp(DeltaOp op)
    {
        var o = new JsonObject();
        if (op.Insert is not null) o["insert"] = Value(op.Insert);
        if (op.Delete is { } d) o["delete"] = d;
        if (op.Retain is { } r) o["retain"] = r;
        if (op.Attributes is { Count: > 0 } attrs) o["attributes"] = Value(attrs);
        return o;
    }

    private static JsonNode? Value(object? value)
    {
        switch (value)
        {
            case AbstractType t: return new JsonObject { ["$type"] = t is YText ? "text" : t is YArray ? "array" : "map" };
            case byte[] bytes: return new JsonObject { ["$bin"] = Convert.ToBase64String(bytes) };
            case IDictionary<string, object?> dict:
                var obj = new JsonObject();
                foreach (var k in JsObjectKeys.Order(dict.Keys)) obj[k] = Value(dict[k]);
                return obj;
            case System.Collections.IList list: return new JsonArray(list.Cast<object?>().Select(Value).ToArray());
            default: return JsonValues.ToNode(value);
        }
    }
}
