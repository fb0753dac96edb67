using System.Text.RegularExpressions;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Walks a YAML tree alongside the <c>k8s.Models</c> type it should bind to and reports unknown
/// (misspelled) fields, wrong value types, bad quantities and missing required fields — with the
/// field path and line of each, which binding through a deserializer would lose.
/// </summary>
internal sealed partial class SchemaBinder(IssueSink sink)
{
    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^[-+]?\d+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([kKmMgGtTpP])[bB]$")]
    private static partial Regex ByteUnitPattern();

    [GeneratedRegex(@"^(true|false|True|False|TRUE|FALSE|yes|no|on|off|Yes|No|On|Off)$")]
    private static partial Regex BoolPattern();

    public void Bind(YamlNode node, Type type, string path, YamlMappingNode? parent, string? key)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" } s0 && YamlTree.IsPlain(s0)) return;

        if (type == typeof(string)) BindString(node, path, parent, key);
        else if (type == typeof(int) || type == typeof(long)) BindNumber(node, path, parent, key, integer: true);
        else if (type == typeof(double) || type == typeof(float)) BindNumber(node, path, parent, key, integer: false);
        else if (type == typeof(bool)) BindBool(node, path, parent, key);
        else if (type == typeof(ResourceQuantity)) BindQuantity(node, path, parent, key);
        else if (type == typeof(IntOrString) || type == typeof(DateTime) || type == typeof(byte[])) ExpectScalar(node, path, parent, key, type);
        else if (ListElement(type) is { } element) BindList(node, element, path, parent, key);
        else if (DictionaryValue(type) is { } value) BindDictionary(node, value, path, parent, key);
        else if (ModelFields.IsModel(type)) BindModel(node, type, path, parent, key);
        // Anything else (free-form JSON such as CRD schemas) is accepted as written.
    }

    private void BindModel(YamlNode node, Type type, string path, YamlMappingNode? parent, string? key)
    {
        if (node is not YamlMappingNode map) { WrongType(node, path, parent, key, $"an object ({Describe(type)})"); return; }
        var fields = ModelFields.Of(type);
        foreach (var (k, v) in map.Children.ToList())
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            var childPath = Join(path, name);
            if (fields.TryGetValue(name, out var fieldType)) { Bind(v, fieldType, childPath, map, name); continue; }
            UnknownField(map, k, name, childPath, type, fields);
        }
        foreach (var required in ModelFields.RequiredOf(type))
        {
            if (map.Get(required) is not null) continue;
            var (apply, how) = RequiredFix(type, map, required);
            sink.Add(FindingSeverity.Error, ManifestRules.RequiredField, Join(path, required), map,
                $"Required field \"{required}\" is missing in {Describe(type)}.",
                $"Add \"{required}\" under {(path.Length == 0 ? "the document root" : path)}.", apply, how);
        }
    }

    private void UnknownField(YamlMappingNode map, YamlNode keyNode, string name, string childPath, Type type, IReadOnlyDictionary<string, Type> fields)
    {
        var suggestion = FieldSuggester.Closest(name, fields.Keys);
        if (suggestion is not null && map.Get(suggestion) is null)
        {
            sink.Add(FindingSeverity.Error, ManifestRules.UnknownField, childPath, keyNode,
                $"Unknown field \"{name}\" in {Describe(type)}; did you mean \"{suggestion}\"?",
                $"Rename \"{name}\" to \"{suggestion}\".",
                () => map.Rename(name, suggestion), $"renamed \"{name}\" to \"{suggestion}\" at {childPath}");
            return;
        }
        sink.Add(FindingSeverity.Error, ManifestRules.UnknownField, childPath, keyNode,
            $"Unknown field \"{name}\" in {Describe(type)}; the API server rejects it (strict validation) or drops it silently.",
            $"Remove \"{name}\" or move it to where it belongs; known fields here: {string.Join(", ", fields.Keys.Order().Take(12))}{(fields.Count > 12 ? ", …" : "")}.",
            () => map.Remove(name), $"removed unknown field \"{name}\" at {childPath}");
    }

    private void BindList(YamlNode node, Type element, string path, YamlMappingNode? parent, string? key)
    {
        if (node is YamlSequenceNode seq)
        {
            for (var i = 0; i < seq.Children.Count; i++)
                Bind(seq.Children[i], element, $"{path}[{i}]", null, null);
            return;
        }
        Action? apply = null;
        string how = "";
        if (parent is not null && key is not null)
        {
            if (node is YamlScalarNode scalar && element == typeof(string))
            {
                var items = key is "command" or "args" ? CommandWords(scalar.Value ?? "") : [scalar.Value ?? ""];
                apply = () => parent.Set(key, new YamlSequenceNode(items.Select(i => (YamlNode)YamlTree.Scalar(i, quoted: NeedsQuotes(i)))));
                how = $"turned {path} into a list";
            }
            else if (node is YamlMappingNode map && element == typeof(V1EnvVar) && map.Get("name") is null)
            {
                apply = () => parent.Set(key, new YamlSequenceNode(map.Children.Select(kv => (YamlNode)new YamlMappingNode(
                    new YamlScalarNode("name"), kv.Key, new YamlScalarNode("value"), YamlTree.Scalar(((YamlScalarNode)kv.Value).Value ?? "", quoted: true)))));
                how = $"turned the env map at {path} into a list of name/value pairs";
            }
            else if (node is YamlMappingNode single && ModelFields.IsModel(element))
            {
                apply = () => parent.Set(key, new YamlSequenceNode(single));
                how = $"wrapped {path} in a list";
            }
        }
        sink.Add(FindingSeverity.Error, ManifestRules.WrongType, path, node,
            $"\"{key ?? path}\" must be a list (of {Describe(element)}), not {NodeKind(node)}.",
            "Write it as a YAML list, one \"- \" item per entry.", apply, how);
    }

    private void BindDictionary(YamlNode node, Type value, string path, YamlMappingNode? parent, string? key)
    {
        if (node is not YamlMappingNode map) { WrongType(node, path, parent, key, "a map of key: value"); return; }
        foreach (var (k, v) in map.Children.ToList())
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            Bind(v, value, Join(path, name), map, name);
        }
    }

    private void BindString(YamlNode node, string path, YamlMappingNode? parent, string? key)
    {
        if (node is not YamlScalarNode s) { WrongType(node, path, parent, key, "a string"); return; }
        if (!YamlTree.IsPlain(s) || s.Value is null) return;
        if (NumberPattern().IsMatch(s.Value) || BoolPattern().IsMatch(s.Value))
        {
            // YAML reads an unquoted 8080 or true as a number or boolean; the API wants a string here.
            sink.Add(FindingSeverity.Error, ManifestRules.WrongType, path, node,
                $"\"{key ?? path}\" must be a string but {s.Value} is read as a {(BoolPattern().IsMatch(s.Value) ? "boolean" : "number")}.",
                $"Quote it: \"{s.Value}\".",
                () => s.Style = ScalarStyle.DoubleQuoted, $"quoted {path}");
        }
    }

    private void BindNumber(YamlNode node, string path, YamlMappingNode? parent, string? key, bool integer)
    {
        if (node is not YamlScalarNode s) { WrongType(node, path, parent, key, integer ? "an integer" : "a number"); return; }
        var text = s.Value ?? "";
        var pattern = integer ? IntPattern() : NumberPattern();
        if (pattern.IsMatch(text) && YamlTree.IsPlain(s)) return;
        Action? apply = pattern.IsMatch(text) ? () => s.Style = ScalarStyle.Plain : RemoveAction(parent, key);
        sink.Add(FindingSeverity.Error, ManifestRules.WrongType, path, node,
            $"\"{key ?? path}\" must be {(integer ? "an integer" : "a number")}, not the string \"{text}\".",
            pattern.IsMatch(text) ? $"Remove the quotes: {text}." : $"Use a number, e.g. {(key == "replicas" ? "3" : "1")}.",
            apply, pattern.IsMatch(text) ? $"unquoted {path}" : $"removed {path} (not a number)");
    }

    private void BindBool(YamlNode node, string path, YamlMappingNode? parent, string? key)
    {
        if (node is not YamlScalarNode s) { WrongType(node, path, parent, key, "true or false"); return; }
        var text = s.Value ?? "";
        var isBool = text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);
        if (isBool && YamlTree.IsPlain(s)) return;
        var target = text.ToLowerInvariant() switch { "true" or "yes" or "on" => "true", "false" or "no" or "off" => "false", _ => null };
        Action? apply = target is null ? RemoveAction(parent, key) : () => parent?.Set(key!, target);
        sink.Add(FindingSeverity.Error, ManifestRules.WrongType, path, node,
            $"\"{key ?? path}\" must be a boolean (true or false), not \"{text}\".",
            target is null ? "Use true or false." : $"Write {target} without quotes.",
            apply, target is null ? $"removed {path} (not a boolean)" : $"set {path} to {target}");
    }

    private void BindQuantity(YamlNode node, string path, YamlMappingNode? parent, string? key)
    {
        if (node is not YamlScalarNode s) { WrongType(node, path, parent, key, "a quantity such as 500m or 1Gi"); return; }
        var text = (s.Value ?? "").Trim();
        if (QuantityPattern().IsMatch(text)) return;
        var unit = ByteUnitPattern().Match(text);
        var suggestion = unit.Success ? unit.Groups[1].Value + char.ToUpperInvariant(unit.Groups[2].Value[0]) + "i" : null;
        sink.Add(FindingSeverity.Error, ManifestRules.InvalidQuantity, path, node,
            $"\"{text}\" is not a valid Kubernetes quantity.",
            suggestion is null ? "Use a quantity like 500m (CPU), 512Mi or 4Gi (memory), 1 (GPU)." : $"Write {suggestion} (binary units are Ki, Mi, Gi, Ti).",
            suggestion is null || parent is null ? null : () => parent.Set(key!, suggestion), suggestion is null ? null : $"set {path} to {suggestion}");
    }

    private void ExpectScalar(YamlNode node, string path, YamlMappingNode? parent, string? key, Type type)
    {
        if (node is not YamlScalarNode) WrongType(node, path, parent, key, Describe(type));
    }

    private void WrongType(YamlNode node, string path, YamlMappingNode? parent, string? key, string expected) =>
        sink.Add(FindingSeverity.Error, ManifestRules.WrongType, path, node,
            $"\"{key ?? path}\" must be {expected}, not {NodeKind(node)}.",
            $"Rewrite \"{key ?? path}\" as {expected} (check its indentation too).",
            RemoveAction(parent, key), $"removed {path} (wrong type)");

    private static Action? RemoveAction(YamlMappingNode? parent, string? key) =>
        parent is null || key is null ? null : () => parent.Remove(key);

    private static (Action? Apply, string? How) RequiredFix(Type type, YamlMappingNode map, string field)
    {
        if (type == typeof(V1Container) && field == "name" && map.Str("image") is { } image)
        {
            var name = ImageReference.Parse(image).ShortName;
            return (() => map.Set("name", name), $"named the container \"{name}\" after its image");
        }
        return (null, null);
    }

    private static IReadOnlyList<string> CommandWords(string command) =>
        command.IndexOfAny(['|', '&', ';', '>', '<', '$', '"', '\'', '*']) >= 0
            ? ["/bin/sh", "-c", command]
            : command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool NeedsQuotes(string s) => NumberPattern().IsMatch(s) || BoolPattern().IsMatch(s);

    private static Type? ListElement(Type t) =>
        t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IList<>) || t.GetGenericTypeDefinition() == typeof(List<>))
            ? t.GetGenericArguments()[0] : null;

    private static Type? DictionaryValue(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IDictionary<,>) ? t.GetGenericArguments()[1] : null;

    private static string NodeKind(YamlNode node) => node switch
    {
        YamlMappingNode => "an object",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"the value \"{s.Value}\"",
        _ => "this value",
    };

    private static string Describe(Type t) => t == typeof(IntOrString) ? "a number or string" : t.Name.StartsWith('V') && char.IsDigit(t.Name.ElementAtOrDefault(1)) ? t.Name[2..] : t.Name;

    /// <summary>Appends a field to a path, bracket-quoting keys that are not plain identifiers (label keys with dots or slashes).</summary>
    public static string Join(string path, string field)
    {
        var simple = field.Length > 0 && field.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');
        var part = simple ? field : $"[\"{field}\"]";
        return path.Length == 0 ? part : simple ? $"{path}.{part}" : path + part;
    }
}
