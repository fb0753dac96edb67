namespace Collab.Crdt;

/// <summary>
/// The one exception the library raises for malformed, truncated or hostile binary input
/// (updates, state vectors, delete sets, sync and awareness messages). When it is thrown
/// from <see cref="Doc.ApplyUpdate"/>, the document is exactly as it was before the call.
/// </summary>
public sealed class CrdtFormatException : Exception
{
    public CrdtFormatException(string message) : base(message) { }
    public CrdtFormatException(string message, Exception inner) : base(message, inner) { }
}
