using System.Text;

namespace Collab.Indexer.Analysis;

/// <summary>Splits a technical identifier into the words it is made of.</summary>
internal static class IdentifierSplitter
{
    /// <summary>
    /// Returns the distinct parts of <paramref name="token"/>, or nothing when the token is a plain word.
    /// Parts are the punctuation-separated segments, the camel-case words inside them, and for
    /// <c>--flag=value</c> the flag itself.
    /// </summary>
    public static IReadOnlyList<string> Split(string token)
    {
        if (!IsCompound(token)) return [];

        var parts = new List<string>();
        void Add(string part)
        {
            if (part.Length > 0 && part != token && !parts.Contains(part)) parts.Add(part);
        }

        var equals = token.IndexOf('=');
        if (equals > 0) Add(token[..equals]);

        foreach (var segment in SplitOnConnectors(token))
        {
            var words = SplitCamelCase(segment);
            if (words.Count > 1) Add(segment);
            foreach (var word in words) Add(word);
        }
        return parts;
    }

    private static bool IsCompound(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            // An apostrophe alone ("doesn't") does not make a compound; contractions stay one word.
            if (TechnicalTokenizer.IsConnector(c) && c != '\'') return true;
            if (i > 0 && char.IsUpper(c) && char.IsLower(token[i - 1])) return true;
        }
        return false;
    }

    private static IEnumerable<string> SplitOnConnectors(string token)
    {
        var current = new StringBuilder();
        foreach (var c in token)
        {
            if (TechnicalTokenizer.IsConnector(c) && c != '\'')
            {
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.Length > 0) yield return current.ToString();
    }

    /// <summary>"extraResource" → extra, Resource; "HTTPServer" → HTTP, Server; "v1beta2" stays whole.</summary>
    private static List<string> SplitCamelCase(string segment)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i < segment.Length; i++)
        {
            var lowerToUpper = char.IsLower(segment[i - 1]) && char.IsUpper(segment[i]);
            var acronymEnd = char.IsUpper(segment[i - 1]) && char.IsUpper(segment[i])
                && i + 1 < segment.Length && char.IsLower(segment[i + 1]);
            if (lowerToUpper || acronymEnd)
            {
                words.Add(segment[start..i]);
                start = i;
            }
        }
        words.Add(segment[start..]);
        return words;
    }
}
