using System.Text;

namespace Collab.Indexer.Documents;

/// <summary>
/// Turns file bytes into a <see cref="SourceDocument"/>, refusing what cannot be text:
/// NUL bytes or invalid UTF-8 (binary files saved with a .md name) and broken front matter.
/// </summary>
public static class SourceDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="InvalidDocumentException">The bytes are not an indexable Markdown document.</exception>
    public static SourceDocument Read(string relativePath, byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0) throw new InvalidDocumentException("binary content (NUL bytes)");

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDocumentException("not valid UTF-8 text", e);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];

        var (frontMatter, body) = FrontMatterParser.Parse(text);
        var title = frontMatter.Title
            ?? FirstLevelOneHeading(body)
            ?? Path.GetFileNameWithoutExtension(relativePath);
        return new SourceDocument(relativePath, title, frontMatter.Description, frontMatter.Tags, body);
    }

    private static string? FirstLevelOneHeading(string body)
    {
        using var reader = new StringReader(body);
        var inFence = false;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) inFence = !inFence;
            else if (!inFence && line.StartsWith("# ", StringComparison.Ordinal)) return line[2..].Trim().TrimEnd('#').Trim();
        }
        return null;
    }
}
