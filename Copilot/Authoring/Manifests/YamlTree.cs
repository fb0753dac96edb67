using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Small helpers to read and change a YamlDotNet node tree while keeping key order.</summary>
internal static class YamlTree
{
    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public static YamlMappingNode? Map(this YamlMappingNode map, string key) => map.Get(key) as YamlMappingNode;

    public static YamlSequenceNode? Seq(this YamlMappingNode map, string key) => map.Get(key) as YamlSequenceNode;

    public static string? Str(this YamlMappingNode map, string key) => (map.Get(key) as YamlScalarNode)?.Value;

    public static bool IsTrue(this YamlMappingNode? map, string key) =>
        map?.Str(key) is { } v && v.Equals("true", StringComparison.OrdinalIgnoreCase);

    public static bool IsFalse(this YamlMappingNode? map, string key) =>
        map?.Str(key) is { } v && v.Equals("false", StringComparison.OrdinalIgnoreCase);

    public static YamlMappingNode EnsureMap(this YamlMappingNode map, string key)
    {
        if (map.Get(key) is YamlMappingNode existing) return existing;
        var created = new YamlMappingNode();
        map.Set(key, created);
        return created;
    }

    public static YamlSequenceNode EnsureSeq(this YamlMappingNode map, string key)
    {
        if (map.Get(key) is YamlSequenceNode existing) return existing;
        var created = new YamlSequenceNode();
        map.Set(key, created);
        return created;
    }

    public static void Set(this YamlMappingNode map, string key, YamlNode value) => map.Children[new YamlScalarNode(key)] = value;

    public static void Set(this YamlMappingNode map, string key, string value, bool quoted = false) =>
        map.Set(key, Scalar(value, quoted));

    public static YamlScalarNode Scalar(string value, bool quoted = false) =>
        new(value) { Style = quoted ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    public static bool Remove(this YamlMappingNode map, string key) => map.Children.Remove(new YamlScalarNode(key));

    /// <summary>Renames a key in place, keeping its position among the siblings.</summary>
    public static void Rename(this YamlMappingNode map, string from, string to)
    {
        if (map.Get(to) is not null) { map.Remove(from); return; }
        var entries = map.Children.ToList();
        map.Children.Clear();
        foreach (var (k, v) in entries)
        {
            var name = ((YamlScalarNode)k).Value;
            map.Children.Add(name == from ? new YamlScalarNode(to) : k, v);
        }
    }

    public static int? LineOf(YamlNode? node) => node is null || node.Start.Line <= 0 ? null : (int)node.Start.Line;

    /// <summary>True for an unquoted scalar, whose YAML type follows from its text.</summary>
    public static bool IsPlain(YamlScalarNode s) => s.Style is ScalarStyle.Plain or ScalarStyle.Any;
}
