using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Builds ordered YAML mappings tersely for the renderer; strings that YAML would read as numbers or booleans are quoted.</summary>
internal static class YamlBuilder
{
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
            if (value is not null && !(value is YamlMappingNode { Children.Count: 0 } && key is not ("emptyDir" or "podSelector")) && value is not YamlSequenceNode { Children.Count: 0 })
                map.Add(new YamlScalarNode(key), value);
        return map;
    }

    /// <summary>A string value, quoted when YAML would otherwise read it as another type.</summary>
    public static YamlScalarNode Str(string? value) => value is null ? null! : YamlTree.Scalar(value, quoted: LooksTyped(value));

    /// <summary>A plain scalar for numbers and booleans.</summary>
    public static YamlScalarNode Raw(object value) => new(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant());

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    public static YamlSequenceNode Strings(IEnumerable<string> items) => new(items.Select(i => (YamlNode)Str(i)));

    public static YamlMappingNode Dict(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new YamlMappingNode();
        foreach (var (k, v) in pairs) map.Add(new YamlScalarNode(k), Str(v));
        return map;
    }

    // The emitter quotes special characters itself; only values YAML would resolve to another type need help.
    private static bool LooksTyped(string value) =>
        value.Length == 0 || double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        || value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~";
}
