using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Collab.Crdt.Encoding;

/// <summary>
/// <c>JSON.stringify</c> and <c>JSON.parse</c> as JavaScript does them, for the Yjs contents
/// that carry JSON text (embeds, format attributes, legacy JSON). Byte-equal encodings with
/// yjs need the same key order, number rendering and string escapes.
/// </summary>
internal static class JsJson
{
    public static string Stringify(object? value)
    {
        if (value is Undefined) return "undefined"; // ContentJSON writes the literal text
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case Undefined: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case string s: WriteString(sb, s); break;
            case IDictionary<string, object?> dict:
                sb.Append('{');
                bool first = true;
                foreach (var key in JsObjectKeys.Order(dict.Keys))
                {
                    if (dict[key] is Undefined) continue;
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, dict[key]);
                }
                sb.Append('}');
                break;
            case byte[] bytes:
                // JSON.stringify of a Uint8Array is an object of index keys.
                sb.Append('{');
                for (int i = 0; i < bytes.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    sb.Append('"').Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(bytes[i].ToString(CultureInfo.InvariantCulture));
                }
                sb.Append('}');
                break;
            case IList list:
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, list[i] is Undefined ? null : list[i]);
                }
                sb.Append(']');
                break;
            default:
                if (JsNumber.TryGet(value, out double d))
                    sb.Append(double.IsFinite(d) ? JsNumber.ToJsString(d) : "null");
                else sb.Append(value.ToString() is { } str ? Quote(str) : "null");
                break;
        }
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder();
        WriteString(sb, s);
        return sb.ToString();
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); }
                    else if (char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    public static object? Parse(string json)
    {
        if (json == "undefined") return Undefined.Value;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            return Convert(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new CrdtFormatException("Invalid JSON in document content.", e);
        }
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetDouble(out var d) ? d : double.PositiveInfinity,
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.Object => ConvertObject(e),
        _ => null,
    };

    private static Dictionary<string, object?> ConvertObject(JsonElement e)
    {
        var dict = new Dictionary<string, object?>();
        foreach (var p in e.EnumerateObject()) dict[p.Name] = Convert(p.Value);
        return dict;
    }
}
