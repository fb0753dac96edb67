using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
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

    /// <summary>
    /// The manifest answer's document of <paramref name="kind"/> named <paramref name="name"/>, answered in
    /// <paramref name="lang"/>; null when it is there, else what is wrong with the answer.
    /// </summary>
    public static string? EditedDocument(CollectedAnswer answer, string lang, string kind, string name, out YamlMappingNode main)
    {
        main = null!;
        if (answer.Final.Intent is not (CopilotIntent.ManifestDraft or CopilotIntent.ManifestCheck)) return $"routed to {answer.Final.Intent}";
        if (answer.Final.Language.Code() != lang) return $"answered in {answer.Final.Language.Code()}";
        var docs = answer.Code("yaml").SelectMany(b => Documents(b.Code)).ToList();
        var found = docs.FirstOrDefault(d => Str(d, "kind") == kind && Str(Map(d, "metadata"), "name") == name);
        if (found is null) return $"no {kind} named {name} in the answer ({string.Join(", ", docs.Select(d => $"{Str(d, "kind")}/{Str(Map(d, "metadata"), "name")}"))})";
        main = found;
        return null;
    }
}
