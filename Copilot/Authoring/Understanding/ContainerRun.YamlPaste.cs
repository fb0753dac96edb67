using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Understanding;

public sealed partial record ContainerRun
{
    /// <summary>
    /// The YAML a request pasted: its first fenced block, else the text from the first line
    /// <paramref name="unfencedStart"/> matches; with where it stands, so the words around it can be read.
    /// </summary>
    private static (string Yaml, int Start, int End)? YamlPaste(string text, string unfencedStart)
    {
        var fenced = Regex.Match(text, @"```[\w-]*[ \t]*\r?\n(.*?)```", RegexOptions.Singleline);
        if (fenced.Success) return (fenced.Groups[1].Value, fenced.Index, fenced.Index + fenced.Length);
        var top = Regex.Match(text, unfencedStart, RegexOptions.Multiline);
        return top.Success ? (text[top.Index..], top.Index, text.Length) : null;
    }

    /// <summary>The first document of <paramref name="yaml"/> (dedented), or null when it does not parse.</summary>
    private static YamlNode? FirstYamlDocument(string yaml)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(Dedent(yaml))); }
        catch (YamlDotNet.Core.YamlException) { return null; }
        return stream.Documents.FirstOrDefault()?.RootNode;
    }
}
