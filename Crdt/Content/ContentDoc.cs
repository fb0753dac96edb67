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
    public const byte RefNumber = 9;
    public readonly Doc Doc;
    public readonly Dictionary<string, object?> Opts;

    public ContentDoc(Doc doc, Dictionary<string, object?>? opts = null)
    {
        Doc = doc;
        Opts = opts ?? (doc.Gc ? new() : new() { ["gc"] = false });
    }

    public int Length => 1;
    public bool Countable => true;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => [Doc];
    public IItemContent Copy() => new ContentDoc(new Doc(new DocOptions { Guid = Doc.Guid, Gc = Doc.Gc }), Opts);
    public IItemContent Splice(int offset) => throw new InvalidOperationException("A sub-document can't be split.");
    public bool MergeWith(IItemContent right) => false;
    public void Integrate(Transaction transaction, Item item) => Doc.Item = item;
    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }

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
