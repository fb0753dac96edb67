using System.Text.Json.Nodes;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// Runs the edit ops of the interop scripts on a C# doc; yjs-peer.mjs's <c>runOp</c> runs the
/// same JSON on a yjs doc. An op is <c>{"p": [root, key|index...], "o": kind, ...}</c> with kind
/// ti/te/td/tf (text insert, embed, delete, format), ai/ad (array insert, delete), ms/md (map set, delete).
/// </summary>
public static class EditOps
{
    public static readonly string[] Roots = ["text", "array", "map"];

    public static AbstractType Root(Doc doc, string name) => name switch
    {
        "text" => doc.GetText("text"),
        "array" => doc.GetArray("array"),
        "map" => doc.GetMap("map"),
        _ => throw new ArgumentException("Unknown root " + name),
    };

    public static AbstractType Resolve(Doc doc, JsonArray path)
    {
        var type = Root(doc, (string)path[0]!);
        foreach (var step in path.Skip(1))
        {
            object? next = type switch
            {
                YMap map => map.Get((string)step!),
                YArray array => array.Get((int)step!),
                _ => null,
            };
            type = next as AbstractType ?? throw new InvalidOperationException($"Path {path.ToJsonString()} does not lead to a type.");
        }
        return type;
    }

    public static void Apply(Doc doc, JsonObject op)
    {
        var target = Resolve(doc, op["p"]!.AsArray());
        switch ((string)op["o"]!)
        {
            case "ti": ((YText)target).Insert((int)op["i"]!, (string)op["s"]!, Attributes(op["a"])); break;
            case "te": ((YText)target).InsertEmbed((int)op["i"]!, WireValues.ToValue(op["e"])!, Attributes(op["a"])); break;
            case "td": ((YText)target).Delete((int)op["i"]!, (int)op["n"]!); break;
            case "tf": ((YText)target).Format((int)op["i"]!, (int)op["n"]!, Attributes(op["a"])!); break;
            case "ai": ((YArray)target).Insert((int)op["i"]!, op["v"]!.AsArray().Select(WireValues.ToValue).ToArray()); break;
            case "ad": ((YArray)target).Delete((int)op["i"]!, (int)op["n"]!); break;
            case "ms": ((YMap)target).Set((string)op["k"]!, WireValues.ToValue(op["v"])); break;
            case "md": ((YMap)target).Delete((string)op["k"]!); break;
            default: throw new ArgumentException("Unknown op " + op["o"]);
        }
    }

    private static Dictionary<string, object?>? Attributes(JsonNode? node) =>
        node is null ? null : (Dictionary<string, object?>)WireValues.ToValue(node)!;
}
