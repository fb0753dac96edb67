using System.Globalization;
using System.Text;

namespace Collab.Indexer.Chunking;

/// <summary>
/// Produces the anchors GitHub gives headings: lower-case, punctuation dropped, spaces to hyphens,
/// and "-1", "-2" appended to repeats within one document. One instance per document.
/// </summary>
public sealed class HeadingSlugger
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Slug(string heading)
    {
        var baseSlug = BaseSlug(heading);
        var slug = baseSlug;
        if (_seen.TryGetValue(baseSlug, out var count))
        {
            do slug = $"{baseSlug}-{++count}";
            while (_seen.ContainsKey(slug));
            _seen[baseSlug] = count;
        }
        _seen.TryAdd(slug, 0);
        return slug;
    }

    private static string BaseSlug(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || c is '-' or '_'
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                builder.Append(c);
            else if (c == ' ') builder.Append('-');
        }
        return builder.ToString();
    }
}
