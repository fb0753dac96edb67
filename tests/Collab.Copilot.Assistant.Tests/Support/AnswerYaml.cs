using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>Reads the Authoring case files and the YAML inside copilot answers, for the held-out set tests.</summary>
internal static class AnswerYaml
{
    public static readonly IDeserializer CaseReader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    public static string CaseFile(string file) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Collab.Copilot.Authoring.Tests", "Cases", file));

    public static YamlNode? Node(YamlMappingNode node, string path)
    {
        YamlNode? current = node;
        foreach (var key in path.Split('.'))
            current = current is YamlMappingNode m && m.Children.TryGetValue(key, out var child) ? child : null;
        return current;
    }

    /// <summary>The mapping documents of a YAML text; none when it does not parse.</summary>
    public static IEnumerable<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlDotNet.Core.YamlException) { return []; }
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
    }

    public static YamlMappingNode? Map(YamlMappingNode? node, string key) =>
        node?.Children.TryGetValue(key, out var child) == true ? child as YamlMappingNode : null;

    public static string? Str(YamlMappingNode? node, string key) =>
        node?.Children.TryGetValue(key, out var child) == true ? (child as YamlScalarNode)?.Value : null;
}
