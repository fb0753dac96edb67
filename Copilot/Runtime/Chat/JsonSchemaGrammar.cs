using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Collab.Copilot.Runtime.Chat;

/// <summary>
/// Translates a JSON schema into a GBNF grammar for llama.cpp's grammar sampler, so every
/// answer parses and validates. Output is compact JSON (no optional whitespace) and lists
/// properties in schema order: required ones always, optional ones may follow. Supported:
/// type (one or several), properties, required, items, minItems/maxItems, dictionaries
/// (additionalProperties with propertyNames and maxProperties),
/// minLength/maxLength (in characters, as JSON Schema counts them: the scheduler keeps the
/// bytes well-formed UTF-8, so each character the grammar counts is one code point), enum,
/// const, anyOf, local $ref, minimum 0 for integers. Numbers have at most 16 digits before
/// the point and a two-digit exponent, so every one fits a double (no 1e999); <c>\u</c>
/// escapes cannot name a lone surrogate, which no JSON reader can turn into a string; a raw
/// U+FFFD (whole tokens of them exist in byte-level vocabularies) is left out, as it reads as
/// a decoding error. Anything
/// that could make an answer invalid without the grammar knowing (pattern, format, other
/// bounds) is refused with <see cref="NotSupportedException"/> rather than ignored.
/// </summary>
public static class JsonSchemaGrammar
{
    private const string Primitives = """
        char ::= [^"\\\x00-\x1F\uFFFD] | "\\" (["\\/bfnrt] | "u" bmp-escape)
        bmp-escape ::= [0-9a-cA-CeEfF] [0-9a-fA-F]{3} | [dD] [0-7] [0-9a-fA-F]{2}
        string ::= "\"" char* "\""
        integer ::= "-"? ("0" | [1-9] [0-9]{0,15})
        number ::= integer ("." [0-9]{1,16})? ([eE] [-+]? [0-9]{1,2})?
        boolean ::= "true" | "false"
        null ::= "null"
        value ::= object | array | string | number | boolean | null
        object ::= "{" (string ":" value ("," string ":" value)*)? "}"
        array ::= "[" (value ("," value)*)? "]"
        """;

    private static readonly HashSet<string> Understood =
    [
        "type", "properties", "required", "items", "minItems", "maxItems", "minLength", "maxLength", "enum", "const",
        "anyOf", "$ref", "$defs", "definitions", "additionalProperties", "propertyNames", "maxProperties", "minimum",
        "title", "description", "$schema", "$id", "default", "examples", "$comment",
    ];

    /// <summary>A grammar for any JSON object (OpenAI's <c>json_object</c> response format).</summary>
    public static string AnyJsonObject { get; } = "root ::= object\n" + Primitives + "\n";

    /// <summary>Builds the grammar for <paramref name="schema"/>.</summary>
    public static string FromSchema(JsonElement schema)
    {
        var builder = new Builder(schema);
        var root = builder.Visit(schema, "root-value");
        return "root ::= " + root + "\n" + string.Concat(builder.Rules.Select(r => $"{r.Key} ::= {r.Value}\n")) + Primitives + "\n";
    }

    private sealed class Builder(JsonElement document)
    {
        public Dictionary<string, string> Rules { get; } = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);

        public string Visit(JsonElement schema, string name)
        {
            if (schema.ValueKind == JsonValueKind.True) return "value";
            if (schema.ValueKind != JsonValueKind.Object) throw new NotSupportedException($"Schema at '{name}' is not an object.");
            foreach (var property in schema.EnumerateObject())
                if (!Understood.Contains(property.Name))
                    throw new NotSupportedException($"JSON schema keyword '{property.Name}' (at '{name}') cannot be enforced by the grammar.");

            if (schema.TryGetProperty("$ref", out var reference)) return Reference(reference.GetString() ?? "");
            if (schema.TryGetProperty("const", out var constant)) return Literal(constant);
            if (schema.TryGetProperty("enum", out var values)) return "(" + string.Join(" | ", values.EnumerateArray().Select(Literal)) + ")";
            if (schema.TryGetProperty("anyOf", out var anyOf))
                return Define(name, string.Join(" | ", anyOf.EnumerateArray().Select((s, i) => Visit(s, $"{name}-{i}"))));

            if (!schema.TryGetProperty("type", out var type)) return "value";
            if (type.ValueKind == JsonValueKind.Array)
                return Define(name, string.Join(" | ", type.EnumerateArray().Select(t => ForType(schema, t.GetString()!, $"{name}-{t.GetString()}"))));
            return ForType(schema, type.GetString()!, name);
        }

        private string ForType(JsonElement schema, string type, string name) => type switch
        {
            "object" => ForObject(schema, name),
            "array" => ForArray(schema, name),
            "string" => ForString(schema, name),
            "integer" => schema.TryGetProperty("minimum", out var min)
                ? (min.GetDouble() == 0 ? "(\"0\" | [1-9] [0-9]{0,15})" : throw new NotSupportedException($"minimum {min} (at '{name}') cannot be enforced; only 0 can."))
                : "integer",
            "number" => NoMinimum(schema, name, "number"),
            "boolean" => "boolean",
            "null" => "null",
            _ => throw new NotSupportedException($"JSON schema type '{type}' (at '{name}')."),
        };

        private static string NoMinimum(JsonElement schema, string name, string rule) =>
            schema.TryGetProperty("minimum", out _) ? throw new NotSupportedException($"minimum on a number (at '{name}') cannot be enforced.") : rule;

        private string ForObject(JsonElement schema, string name)
        {
            var required = schema.TryGetProperty("required", out var list)
                ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            var properties = schema.TryGetProperty("properties", out var props) ? props.EnumerateObject().ToList() : [];
            foreach (var r in required)
                if (properties.All(p => p.Name != r)) throw new NotSupportedException($"Required property '{r}' (at '{name}') has no schema.");
            if (properties.Count == 0 && schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
                return ForMap(schema, values, name);
            if (properties.Count == 0) return "object";

            // With nothing required, emitting every property is still valid, and simpler than
            // a grammar for "any subset, comma-separated".
            var mandatory = properties.Where(p => required.Count == 0 || required.Contains(p.Name)).ToList();
            var optional = properties.Where(p => required.Count > 0 && !required.Contains(p.Name)).ToList();
            string Pair(JsonProperty p) => Quote(JsonSerializer.Serialize(p.Name) + ":") + " " + Visit(p.Value, $"{name}-{RuleName(p.Name)}");
            var body = new StringBuilder("\"{\" ");
            body.Append(string.Join(" \",\" ", mandatory.Select(Pair)));
            foreach (var p in optional) body.Append(" (\",\" ").Append(Pair(p)).Append(")?");
            body.Append(" \"}\"");
            return Define(name, body.ToString());
        }

        /// <summary>A dictionary: keys under <c>propertyNames</c>, values under <c>additionalProperties</c>, at most <c>maxProperties</c> pairs.</summary>
        private string ForMap(JsonElement schema, JsonElement values, string name)
        {
            var key = schema.TryGetProperty("propertyNames", out var names) ? Visit(names, name + "-key") : "string";
            var pair = $"{key} \":\" {Visit(values, name + "-value")}";
            int? max = schema.TryGetProperty("maxProperties", out var maxProperties) ? maxProperties.GetInt32() : null;
            if (max < 0) throw new NotSupportedException($"maxProperties at '{name}' is negative.");
            if (max == 0) return "\"{}\"";
            var rest = max is { } m ? $"(\",\" {pair}){{0,{m - 1}}}" : $"(\",\" {pair})*";
            return Define(name, $"\"{{\" ({pair} {rest})? \"}}\"");
        }

        private string ForArray(JsonElement schema, string name)
        {
            var item = schema.TryGetProperty("items", out var items) ? Visit(items, name + "-item") : "value";
            var min = schema.TryGetProperty("minItems", out var minItems) ? minItems.GetInt32() : 0;
            int? max = schema.TryGetProperty("maxItems", out var maxItems) ? maxItems.GetInt32() : null;
            if (min < 0 || max < min) throw new NotSupportedException($"minItems/maxItems at '{name}' are inconsistent.");
            if (max == 0) return "\"[]\"";
            var restMin = Math.Max(0, min - 1);
            var rest = max is { } m ? $"(\",\" {item}){{{restMin},{m - 1}}}" : $"(\",\" {item}){{{restMin},}}";
            var list = $"{item} {rest}";
            return Define(name, min == 0 ? $"\"[\" ({list})? \"]\"" : $"\"[\" {list} \"]\"");
        }

        private string ForString(JsonElement schema, string name)
        {
            var min = schema.TryGetProperty("minLength", out var minLength) ? minLength.GetInt32() : 0;
            int? max = schema.TryGetProperty("maxLength", out var maxLength) ? maxLength.GetInt32() : null;
            if (min == 0 && max is null) return "string";
            if (min < 0 || max < min) throw new NotSupportedException($"minLength/maxLength at '{name}' are inconsistent.");
            return Define(name, max is { } m ? $"\"\\\"\" char{{{min},{m}}} \"\\\"\"" : $"\"\\\"\" char{{{min},}} \"\\\"\"");
        }

        private string Reference(string pointer)
        {
            if (_refs.TryGetValue(pointer, out var known)) return known;
            if (!pointer.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"Only local $ref is supported, not '{pointer}'.");
            var target = document;
            foreach (var part in pointer[2..].Split('/'))
                if (!target.TryGetProperty(part.Replace("~1", "/").Replace("~0", "~"), out target))
                    throw new NotSupportedException($"$ref '{pointer}' points nowhere.");
            var name = "ref-" + RuleName(pointer[2..]);
            _refs[pointer] = name;
            Rules[name] = "\"\""; // placeholder so recursive references resolve
            Rules[name] = Visit(target, name + "-body");
            return name;
        }

        private string Define(string name, string body)
        {
            var rule = RuleName(name);
            while (Rules.ContainsKey(rule) && Rules[rule] != body) rule += "-x";
            Rules[rule] = body;
            return rule;
        }

        private static string Literal(JsonElement value) => Quote(JsonSerializer.Serialize(value));
    }

    private static string RuleName(string text)
    {
        var name = new StringBuilder(text.Length);
        foreach (var c in text) name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        return name.ToString();
    }

    /// <summary>A GBNF string literal matching <paramref name="text"/> exactly.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (c < 0x20) quoted.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }
}
