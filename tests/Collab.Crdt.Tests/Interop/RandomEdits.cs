using System.Text;
using System.Text.Json.Nodes;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// Picks random edit ops (see <see cref="EditOps"/>) valid for a doc's current content: text
/// inserts, deletes, formats and embeds, array and map edits, nested maps/arrays/texts, and
/// values of every kind yjs stores (numbers at the int/float32/float64 boundaries included).
/// </summary>
public static class RandomEdits
{
    private static readonly string[] TextPieces = ["a", "b", "c", "xyz", "hello ", "é", "😀", "\n", "ab😀c", " "];
    private static readonly string[] MapKeys = ["a", "b", "c", "d", "1", "10", "k é"];
    private static readonly string[] ObjectKeys = ["z", "a", "1", "10", "b"];
    private static readonly long[] Integers = [0, 1, -1, 42, -100, 63, 64, 2147483647, -2147483647, 2147483648, 1099511627776, 9007199254740991, -9007199254740991];
    private static readonly double[] Doubles = [0.5, -2.25, 3.14159, 0.1, 1.5, 7.0, 123456.789, -0.001];
    private const int MaxDepth = 3;

    /// <summary>A random op against <paramref name="doc"/> as it is now.</summary>
    public static JsonObject Next(Random rnd, Doc doc)
    {
        // Only the picked root gets typed (GetText etc.): yjs cleans up concurrent formatting only
        // in roots the application has asked for, so both sides must ask for the same ones.
        var targets = new List<(JsonArray Path, AbstractType? Type)>();
        foreach (var root in EditOps.Roots)
        {
            if (doc.Share.GetValueOrDefault(root) is { } type && type.GetType() != typeof(AbstractType)) Collect(new JsonArray(root), type, targets);
            else targets.Add((new JsonArray(root), null));
        }
        var (path, target) = targets[rnd.Next(targets.Count)];
        var op = (target ?? EditOps.Root(doc, (string)path[0]!)) switch
        {
            YText text => TextOp(rnd, text),
            YArray array => ArrayOp(rnd, array, path.Count),
            YMap map => MapOp(rnd, map, path.Count),
            var other => throw new InvalidOperationException("Unexpected type " + other.GetType()),
        };
        op["p"] = path.DeepClone();
        return op;
    }

    private static void Collect(JsonArray path, AbstractType type, List<(JsonArray, AbstractType?)> targets)
    {
        targets.Add((path, type));
        if (path.Count > MaxDepth) return;
        switch (type)
        {
            case YMap map:
                foreach (var (k, v) in map.Entries)
                    if (v is AbstractType t) Collect(Append(path, k), t, targets);
                break;
            case YArray array:
                var items = array.ToArray();
                for (int i = 0; i < items.Count; i++)
                    if (items[i] is AbstractType t) Collect(Append(path, i), t, targets);
                break;
        }
    }

    private static JsonArray Append(JsonArray path, JsonNode step)
    {
        var copy = path.DeepClone().AsArray();
        copy.Add(step);
        return copy;
    }

    private static JsonObject TextOp(Random rnd, YText text)
    {
        int len = text.Length;
        int roll = rnd.Next(100);
        if (len > 0 && roll < 25)
        {
            int i = rnd.Next(len);
            return new JsonObject { ["o"] = "td", ["i"] = i, ["n"] = 1 + rnd.Next(Math.Min(len - i, 6)) };
        }
        if (len > 0 && roll < 45)
        {
            int i = rnd.Next(len);
            int n = 1 + rnd.Next(Math.Min(len - i, 8));
            // A format that changes nothing makes no update, yet yjs still splits the item at its
            // ends, turning a surrogate pair cut there into U+FFFD on this peer only: yjs itself
            // diverges then, so formats keep pairs whole (inserts and deletes still cut them).
            if (CutsPair(text, i) || CutsPair(text, i + n)) return new JsonObject { ["o"] = "td", ["i"] = i, ["n"] = n };
            return new JsonObject { ["o"] = "tf", ["i"] = i, ["n"] = n, ["a"] = Attributes(rnd, allowNull: true) };
        }
        var op = roll < 55
            ? new JsonObject { ["o"] = "te", ["i"] = rnd.Next(len + 1), ["e"] = Embed(rnd) }
            : new JsonObject { ["o"] = "ti", ["i"] = rnd.Next(len + 1), ["s"] = RandomText(rnd) };
        if (rnd.Next(3) == 0) op["a"] = Attributes(rnd, allowNull: rnd.Next(4) == 0);
        return op;
    }

    private static bool CutsPair(YText text, int index)
    {
        var chars = string.Concat(text.ToDelta().Select(op => op.Insert as string ?? "\0"));
        return index > 0 && index < chars.Length && char.IsHighSurrogate(chars[index - 1]) && char.IsLowSurrogate(chars[index]);
    }

    private static string RandomText(Random rnd)
    {
        var sb = new StringBuilder();
        for (int n = 1 + rnd.Next(3); n > 0; n--) sb.Append(TextPieces[rnd.Next(TextPieces.Length)]);
        return sb.ToString();
    }

    private static JsonObject Attributes(Random rnd, bool allowNull)
    {
        var attrs = new JsonObject();
        for (int n = 1 + rnd.Next(2); n > 0; n--)
        {
            if (allowNull && rnd.Next(4) == 0)
            {
                attrs[new[] { "bold", "italic", "color", "link" }[rnd.Next(4)]] = null;
                continue;
            }
            switch (rnd.Next(5))
            {
                case 0: attrs["bold"] = true; break;
                case 1: attrs["italic"] = true; break;
                case 2: attrs["color"] = rnd.Next(2) == 0 ? "red" : "blue"; break;
                case 3: attrs["link"] = new JsonObject { ["href"] = rnd.Next(2) == 0 ? "https://a" : "https://b" }; break;
                default: attrs["size"] = rnd.Next(2) == 0 ? JsonValue.Create(12L) : JsonValue.Create(14.5); break;
            }
        }
        return attrs;
    }

    private static JsonObject Embed(Random rnd) => rnd.Next(2) == 0
        ? new JsonObject { ["image"] = "pic" + rnd.Next(3) + ".png" }
        : new JsonObject { ["formula"] = "x^2", ["n"] = rnd.Next(5) };

    private static JsonObject ArrayOp(Random rnd, YArray array, int depth)
    {
        int len = array.Length;
        if (len > 0 && rnd.Next(100) < 35)
        {
            int i = rnd.Next(len);
            return new JsonObject { ["o"] = "ad", ["i"] = i, ["n"] = 1 + rnd.Next(Math.Min(len - i, 3)) };
        }
        var values = new JsonArray();
        for (int n = 1 + rnd.Next(3); n > 0; n--) values.Add(Value(rnd, depth, allowTypes: true));
        return new JsonObject { ["o"] = "ai", ["i"] = rnd.Next(len + 1), ["v"] = values };
    }

    private static JsonObject MapOp(Random rnd, YMap map, int depth)
    {
        var keys = map.Keys.ToList();
        if (keys.Count > 0 && rnd.Next(100) < 25) return new JsonObject { ["o"] = "md", ["k"] = keys[rnd.Next(keys.Count)] };
        return new JsonObject { ["o"] = "ms", ["k"] = MapKeys[rnd.Next(MapKeys.Length)], ["v"] = Value(rnd, depth, allowTypes: true) };
    }

    /// <summary>A wire value; nested shared types only where <paramref name="allowTypes"/> and not too deep.</summary>
    private static JsonNode? Value(Random rnd, int depth, bool allowTypes)
    {
        int kinds = allowTypes && depth <= MaxDepth ? 10 : 9;
        switch (rnd.Next(kinds))
        {
            case 0: return null;
            case 1: return rnd.Next(2) == 0;
            case 2: return JsonValue.Create(Integers[rnd.Next(Integers.Length)]);
            case 3: return JsonValue.Create(Doubles[rnd.Next(Doubles.Length)]);
            case 4: return RandomText(rnd);
            case 5: return new JsonObject { ["$bin"] = Convert.ToBase64String(RandomBytes(rnd)) };
            case 6:
                var list = new JsonArray();
                for (int n = rnd.Next(4); n > 0; n--) list.Add(Value(rnd, depth + 1, allowTypes: false));
                return list;
            case 7:
            case 8:
                var obj = new JsonObject();
                for (int n = rnd.Next(4); n > 0; n--) obj[ObjectKeys[rnd.Next(ObjectKeys.Length)]] = Value(rnd, depth + 1, allowTypes: false);
                return obj;
            default: return NestedType(rnd, depth);
        }
    }

    private static byte[] RandomBytes(Random rnd)
    {
        var bytes = new byte[rnd.Next(5)];
        rnd.NextBytes(bytes);
        return bytes;
    }

    private static JsonObject NestedType(Random rnd, int depth)
    {
        switch (rnd.Next(3))
        {
            case 0:
                var init = new JsonArray();
                for (int n = rnd.Next(3); n > 0; n--) init.Add(new JsonArray(MapKeys[rnd.Next(MapKeys.Length)], Value(rnd, depth + 1, allowTypes: false)));
                return new JsonObject { ["$type"] = "map", ["init"] = init };
            case 1:
                var items = new JsonArray();
                for (int n = rnd.Next(3); n > 0; n--) items.Add(Value(rnd, depth + 1, allowTypes: false));
                return new JsonObject { ["$type"] = "array", ["init"] = items };
            default:
                return new JsonObject { ["$type"] = "text", ["init"] = rnd.Next(2) == 0 ? "" : RandomText(rnd) };
        }
    }
}
