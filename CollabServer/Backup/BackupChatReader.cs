using System.Text.Json;
using Collab.Server.Chat;

namespace Collab.Server.Backup;

/// <summary>
/// Reads <c>chat/messages.json</c> one message at a time (memory stays at one message however long
/// the history), checks each, and turns it into what may be stored. Unless the archive's authors
/// are trusted (a signed archive imported by one of its owners), authorship is not an identity: the importer becomes the author and the original name a plain
/// label in front of the body, and mentions are dropped (they name members). A message still
/// <c>streaming</c> when backed up can never be finished, so it arrives closed as <c>interrupted</c>.
/// </summary>
internal static class BackupChatReader
{
    public static async IAsyncEnumerable<ChatMessage> ReadAsync(
        BackupEntryStream entry, bool trustAuthors, string importer, ChatOptions limits,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var maxBody = Math.Max(limits.MaxBodyChars, limits.MaxStreamedBodyChars);
        var lastId = long.MinValue;
        var messages = JsonSerializer.DeserializeAsyncEnumerable<ChatMessage>(entry, BackupJson.Options, ct);
        await using var e = messages.GetAsyncEnumerator(ct);
        while (await MoveNextAsync(e, entry))
        {
            var m = e.Current ?? throw Invalid(entry, "a message is null");
            if (m.Id <= lastId) throw Invalid(entry, "messages must be oldest first, each id once");
            lastId = m.Id;
            if (string.IsNullOrWhiteSpace(m.Author) || m.Author.Length > BackupManifestCheck.MaxNameLength)
                throw Invalid(entry, $"message {m.Id} has no valid author");
            if (m.Body.Length > maxBody) throw Invalid(entry, $"message {m.Id} is longer than {maxBody} characters");
            if (!Enum.IsDefined(m.State)) throw Invalid(entry, $"message {m.Id} has an unknown state");
            if (m.Mentions.Any(string.IsNullOrWhiteSpace)) throw Invalid(entry, $"message {m.Id} has an empty mention");
            var state = m.State == ChatMessageState.Streaming ? ChatMessageState.Interrupted : m.State;
            yield return trustAuthors
                ? m with { State = state }
                : m with { Author = importer, Body = Labelled(m), State = state, Mentions = [], DeletedBy = m.DeletedBy is null ? null : importer };
        }
        await entry.DrainAsync(ct);
    }

    /// <summary>The original author as text: a restricted alphabet, so a name can't inject Markdown or links.</summary>
    private static string Labelled(ChatMessage m)
    {
        if (m.Body.Length == 0) return m.Body; // a tombstone stays empty
        var name = new string(m.Author.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or ' ').Take(64).ToArray()).Trim();
        return $"**{(name.Length == 0 ? "unknown" : name)}** (imported): {m.Body}";
    }

    private static async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<ChatMessage?> e, BackupEntryStream entry)
    {
        try { return await e.MoveNextAsync(); }
        catch (JsonException ex) { throw Invalid(entry, ex.Message); }
    }

    private static InvalidDataException Invalid(BackupEntryStream entry, string why) => new($"{entry.Name}: {why}.");
}
