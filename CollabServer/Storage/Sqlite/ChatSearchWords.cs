using System.Text.RegularExpressions;

namespace Collab.Server.Storage.Sqlite;

/// <summary>Splits a search the way FTS5's unicode61 tokenizer splits bodies: runs of letters and digits.</summary>
internal static partial class ChatSearchWords
{
    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+")]
    private static partial Regex Word();

    public static IReadOnlyList<string> Split(string query) =>
        Word().Matches(query).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
