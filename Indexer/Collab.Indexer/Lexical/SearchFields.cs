namespace Collab.Indexer.Lexical;

/// <summary>
/// The searchable fields of a chunk. <c>ExactBody</c> is the body again, unstemmed: "queues" in a
/// question matches "queues" better than "queue". <c>PathWords</c> are the words of the path
/// ("user-storage.md" → user, storage): file names are good summaries.
/// </summary>
internal sealed record SearchFields(string Body, string ExactBody, string Headings, string Title, string PathWords, string Tags);
