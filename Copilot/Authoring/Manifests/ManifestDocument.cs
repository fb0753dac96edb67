using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>One parsed YAML document (or its syntax error) with its issues.</summary>
internal sealed class ManifestDocument
{
    private ManifestDocument(YamlDocumentText source, int index, YamlNode? root)
    {
        Source = source;
        Index = index;
        Root = root;
    }

    public YamlDocumentText Source { get; }
    public int Index { get; }
    public YamlNode? Root { get; }
    public bool Changed { get; set; }

    public static ManifestDocument Parse(YamlDocumentText source, int index, IssueSink sink)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(source.Text));
            return new ManifestDocument(source, index, stream.Documents.FirstOrDefault()?.RootNode);
        }
        catch (YamlException ex)
        {
            var (line, column, message) = Locate(source, ex);
            sink.AddAtLine(line, FindingSeverity.Error, ManifestRules.YamlSyntax,
                $"YAML syntax error at line {line}, column {column}: {message}",
                message.Contains("tab", StringComparison.OrdinalIgnoreCase)
                    ? "Indent with spaces only; YAML does not allow tabs."
                    : "Check the indentation and the colons/dashes on that line and the one above it.");
            return new ManifestDocument(source, index, null);
        }
    }

    private static (int Line, int Column, string Message) Locate(YamlDocumentText source, YamlException ex)
    {
        var message = ex.InnerException is YamlException inner && ex.Message.StartsWith("(Line", StringComparison.Ordinal) ? inner.Message : ex.Message;
        var lines = source.Text.Split('\n');
        // The scanner reports tab errors at the enclosing mapping; the tab itself is more useful.
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].TrimEnd().Length > 0 && lines[i].TakeWhile(char.IsWhiteSpace).Contains('\t'))
                    return (source.FirstLine + i, 1, message);
        var line = ex.Start.Line > 0 ? (int)ex.Start.Line : 1;
        return (source.FirstLine + line - 1, (int)Math.Max(1, ex.Start.Column), message);
    }
}
