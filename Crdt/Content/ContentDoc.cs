using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>
/// A reference to a sub-document: its guid and options. The sub-document's own content
/// travels separately (yjs loads it on demand); here it is kept and re-encoded unchanged.
/// </summary>
public sealed class ContentDoc : IItemContent
{
    /// <summary>The content ref of a sub-document.</summary>
    public const byte RefNumber = 9;
    /// <summary>The sub-document.</summary>
    public readonly Doc Doc;
    /// <summary>The sub-document's options as written to updates (e.g. <c>gc</c>).</summary>
    public readonly Dictionary<string, object?> Opts;

    /// <summary>A sub-document embedded as one clock (yjs's <c>ContentDoc</c>).</summary>
    /// <param name="doc">The sub-document.</param>
    /// <param name="opts">Options to write; by default only <c>gc: false</c> when the doc keeps deleted content.</param>
    public ContentDoc(Doc doc, Dictionary<string, object?>? opts = null)
    {
        Doc = doc;
        Opts = opts ?? (doc.Gc ? new() : new() { ["gc"] = false });
    }

    /// <inheritdoc/>
    public int Length => 1;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => [Doc];
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentDoc(new Doc(new DocOptions { Guid = Doc.Guid, Gc = Doc.Gc }), Opts);
    /// <inheritdoc/>
    public IItemContent Splice(int offset) => throw new InvalidOperationException("A sub-document can't be split.");
    /// <inheritdoc/>
    public bool MergeWith(IItemContent right) => false;
    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item) => Doc.Item = item;
    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }

    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteString(Doc.Guid);
        encoder.WriteAny(Opts);
    }

    internal static ContentDoc Read(UpdateDecoderV1 decoder)
    {
        string guid = decoder.ReadString();
        var opts = decoder.ReadAny() as Dictionary<string, object?>
            ?? throw new CrdtFormatException("Sub-document options must be an object.");
        bool gc = opts.TryGetValue("gc", out var g) ? g is not false : true;
        return new ContentDoc(new Doc(new DocOptions { Guid = guid, Gc = gc }), opts);
    }
}
