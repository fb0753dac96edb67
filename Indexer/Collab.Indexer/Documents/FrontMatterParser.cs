using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Collab.Indexer.Documents;

/// <summary>Reads a leading <c>---</c> YAML block; the rest is the Markdown body.</summary>
internal static class FrontMatterParser
{
    public static (FrontMatter FrontMatter, string Body) Parse(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal)) return (FrontMatter.Empty, text);
        var firstLineEnd = text.IndexOf('\n');
        if (firstLineEnd < 0 || text[..firstLineEnd].Trim() != "---") return (FrontMatter.Empty, text);

        var close = FindClosingFence(text, firstLineEnd + 1);
        if (close.Start < 0) throw new InvalidDocumentException("front matter is opened with '---' but never closed");

        var yaml = text[(firstLineEnd + 1)..close.Start];
        var body = text[close.End..];
        return (ReadYaml(yaml), body);
    }

    private static (int Start, int End) FindClosingFence(string text, int from)
    {
        var position = from;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var end = lineEnd < 0 ? text.Length : lineEnd + 1;
            var line = text[position..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
            if (line is "---" or "...") return (position, end);
            position = end;
        }
        return (-1, -1);
    }

    private static FrontMatter ReadYaml(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        // YamlDotNet reports some malformed input as InvalidOperationException rather than YamlException.
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw new InvalidDocumentException($"front matter is not valid YAML ({e.Message})", e);
        }

        if (stream.Documents.Count == 0) return FrontMatter.Empty;
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new InvalidDocumentException("front matter is not a YAML mapping");

        return new FrontMatter(Scalar(map, "title"), Scalar(map, "description"), Tags(map));
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar
            ? scalar.Value?.Trim()
            : null;

    private static IReadOnlyList<string> Tags(YamlMappingNode map)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("tags"), out var node)) return [];
        return node switch
        {
            YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>()
                .Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList(),
            YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value) =>
                scalar.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
    }
}
