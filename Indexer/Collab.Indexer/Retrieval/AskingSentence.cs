using System.Text.RegularExpressions;

namespace Collab.Indexer.Retrieval;

/// <summary>
/// The sentence of a forum post that asks: people tell what happened first ("after the hub pod got
/// rescheduled everybody had to log in again") and ask last ("where does the hub keep its state?"). The
/// story's words (admin, users, log in) are many and match many pages; the question's words name the need.
/// </summary>
internal static partial class AskingSentence
{
    /// <summary>Longer text is a pasted log or manifest, not a post with a question in it.</summary>
    private const int MaxQueryChars = 600;

    /// <summary>The sentences that end with a question mark, when the query also has sentences that do not; else null.</summary>
    public static string? Find(string query)
    {
        if (query.Length > MaxQueryChars) return null;
        var sentences = SentenceBreak().Split(query.Trim()).Where(s => s.Trim().Length > 0).ToList();
        if (sentences.Count < 2) return null;
        var asking = sentences.Where(s => s.TrimEnd().EndsWith('?')).ToList();
        return asking.Count == 0 || asking.Count == sentences.Count ? null : string.Join(' ', asking);
    }

    [GeneratedRegex(@"(?<=[.?!;])\s+|\n+")]
    private static partial Regex SentenceBreak();
}
