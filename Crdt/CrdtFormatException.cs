namespace Collab.Crdt;

/// <summary>
/// The one exception the library raises for malformed, truncated or hostile binary input
/// (updates, state vectors, delete sets, sync and awareness messages). When it is thrown
/// from <see cref="Doc.ApplyUpdate"/>, the document is exactly as it was before the call.
/// </summary>
public sealed class CrdtFormatException : Exception
{
    /// <summary>Reports malformed input, with <paramref name="message"/> saying what was wrong.</summary>
    public CrdtFormatException(string message) : base(message) { }
    /// <summary>Reports malformed input found through <paramref name="inner"/>.</summary>
    public CrdtFormatException(string message, Exception inner) : base(message, inner) { }
}
