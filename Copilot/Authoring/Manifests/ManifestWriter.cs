using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Writes YAML trees back to text, one document after another, separated by <c>---</c>.</summary>
internal static class ManifestWriter
{
    public static string Write(YamlNode root)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n");
        // YamlDotNet closes each document with "..."; kubectl does not need it.
        if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
        return text.TrimEnd('\n') + "\n";
    }

    public static string Join(IEnumerable<string> documents) =>
        string.Join("---\n", documents.Select(d => d.TrimEnd('\n') + "\n"));
}
