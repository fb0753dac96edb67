using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Collab.Indexer.Documents;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Collab.Indexer.Chunking;

/// <summary>
/// Cuts a Markdown document along its headings. Each section becomes one chunk, or several when it is
/// longer than <see cref="ChunkingOptions.MaxTokens"/>; sections are split between blocks, then list
/// items, then lines, and a code block is never split.
/// </summary>
public sealed partial class MarkdownChunker(ChunkingOptions options, ITokenCounter tokens)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public IReadOnlyList<Chunk> Chunk(SourceDocument document)
    {
        // The front matter description is the page's lead paragraph on Hugo sites; index it as such.
        var body = string.IsNullOrWhiteSpace(document.Description) ? document.Body : document.Description + "\n\n" + document.Body;
        var markdown = Markdown.Parse(body, Pipeline);
        var slugger = new HeadingSlugger();
        var headings = new List<(int Level, string Text)>();
        var chunks = new List<Chunk>();

        var section = new Section([], "", null);
        foreach (var block in markdown)
        {
            if (block is HeadingBlock heading)
            {
                Flush(section, document, body, chunks);
                var text = HeadingText(heading);
                headings.RemoveAll(h => h.Level >= heading.Level);
                headings.Add((heading.Level, text));
                section = new Section(headings.Select(h => h.Text).ToList(), slugger.Slug(text), SourceText(body, block).Trim());
            }
            else if (!IsLabelOnly(body, block))
                section.Blocks.Add(block);
        }
        Flush(section, document, body, chunks);
        return chunks;
    }

    private void Flush(Section section, SourceDocument document, string body, List<Chunk> chunks)
    {
        if (section.Blocks.Count == 0) return;
        var pieces = section.Blocks.SelectMany(b => Split(body, b)).ToList();
        foreach (var text in Pack(section.HeadingLine, pieces))
        {
            var ordinal = chunks.Count;
            chunks.Add(new Chunk(ChunkId(document.Path, ordinal, text), document.Path, document.Title,
                section.Anchor, section.HeadingPath, text, document.Tags, ordinal));
        }
    }

    /// <summary>
    /// Greedily fills chunks with whole pieces. The section heading opens the first chunk when it fits
    /// beside the first piece; otherwise it lives on in the chunk's heading path only.
    /// </summary>
    private IEnumerable<string> Pack(string? headingLine, List<string> pieces)
    {
        var current = headingLine ?? "";
        var hasContent = false;
        foreach (var piece in pieces)
        {
            var candidate = current.Length == 0 ? piece : current + "\n\n" + piece;
            if (tokens.CountTokens(candidate) <= options.MaxTokens)
            {
                current = candidate;
                hasContent = true;
                continue;
            }
            if (hasContent) yield return current;
            current = piece;
            hasContent = true;
        }
        if (hasContent) yield return current;
    }

    /// <summary>Breaks a block into pieces no larger than the bound, except code, which stays whole.</summary>
    private IEnumerable<string> Split(string source, Block block)
    {
        var text = SourceText(source, block);
        if (block is CodeBlock || tokens.CountTokens(text) <= options.MaxTokens) return [text];
        if (block is ContainerBlock container && container.Count > 0)
            return container.SelectMany(child => Split(source, child));
        return SplitProse(text);
    }

    private IEnumerable<string> SplitProse(string text)
    {
        var units = text.Split('\n').SelectMany(line =>
            tokens.CountTokens(line) <= options.MaxTokens ? [line] : SplitWords(line));
        var current = new StringBuilder();
        foreach (var unit in units)
        {
            if (current.Length > 0 && tokens.CountTokens(current + "\n" + unit) > options.MaxTokens)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0) current.Append('\n');
            current.Append(unit);
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private IEnumerable<string> SplitWords(string line)
    {
        var current = new StringBuilder();
        foreach (var word in line.Split(' '))
        {
            if (current.Length > 0 && tokens.CountTokens(current + " " + word) > options.MaxTokens)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static string SourceText(string source, Block block) =>
        source.Substring(block.Span.Start, Math.Min(block.Span.Length, source.Length - block.Span.Start)).TrimEnd();

    /// <summary>MyST target labels such as "(user-storage)=" name a section for cross-references; they are not prose.</summary>
    private static bool IsLabelOnly(string source, Block block) =>
        block is ParagraphBlock && MystLabel().IsMatch(SourceText(source, block));

    private static string HeadingText(HeadingBlock heading)
    {
        var builder = new StringBuilder();
        AppendInlineText(heading.Inline, builder);
        return builder.ToString().Trim();
    }

    private static void AppendInlineText(ContainerInline? container, StringBuilder builder)
    {
        if (container is null) return;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: builder.Append(literal.Content.ToString()); break;
                case CodeInline code: builder.Append(code.Content); break;
                case LineBreakInline: builder.Append(' '); break;
                case ContainerInline child: AppendInlineText(child, builder); break;
            }
        }
    }

    private static string ChunkId(string path, int ordinal, string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{path}\n{ordinal}\n{text}"));
        return Convert.ToHexStringLower(hash, 0, 16);
    }

    [GeneratedRegex(@"^\([^()\s]+\)=$")]
    private static partial Regex MystLabel();

    private sealed class Section(IReadOnlyList<string> headingPath, string anchor, string? headingLine)
    {
        public IReadOnlyList<string> HeadingPath { get; } = headingPath;
        public string Anchor { get; } = anchor;
        public string? HeadingLine { get; } = headingLine;
        public List<Block> Blocks { get; } = [];
    }
}
