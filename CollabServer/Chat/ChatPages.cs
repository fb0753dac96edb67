using Collab.Server.Chat;

namespace Collab.Server.Chat;

internal static class ChatPages
{
    /// <summary>
    /// Builds a page from up to <paramref name="limit"/> + 1 rows read newest first: the extra row
    /// only tells that older messages exist.
    /// </summary>
    public static ChatPage FromNewestFirst(List<ChatMessage> rows, int limit)
    {
        var hasMore = rows.Count > limit;
        if (hasMore) rows.RemoveRange(limit, rows.Count - limit);
        rows.Reverse();
        return new ChatPage(rows, hasMore && rows.Count > 0 ? rows[0].Id : null);
    }
}
