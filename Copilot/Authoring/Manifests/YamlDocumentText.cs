using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// One document of a multi-document YAML text, kept with its original text and first line, so each
/// is parsed on its own (a syntax error in one does not hide the others) and unchanged ones are
/// written back verbatim.
/// </summary>
internal sealed partial record YamlDocumentText(string Text, int FirstLine)
{
    [GeneratedRegex(@"^---(\s.*)?$")]
    private static partial Regex Separator();

    public static IReadOnlyList<YamlDocumentText> Split(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        var docs = new List<YamlDocumentText>();
        var current = new List<string>();
        var start = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Separator().IsMatch(lines[i])) { current.Add(lines[i]); continue; }
            docs.Add(new YamlDocumentText(string.Join('\n', current), start));
            current = [];
            start = i + 2;
        }
        docs.Add(new YamlDocumentText(string.Join('\n', current), start));
        return docs.Where(d => !d.IsBlank).ToList();
    }

    /// <summary>True when the document holds only whitespace and comments.</summary>
    public bool IsBlank => Text.Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#'));
}
