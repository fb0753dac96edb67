using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>What an <see cref="Item"/> carries. <see cref="Ref"/> is the Yjs content ref in the info byte.</summary>
public interface IItemContent
{
    int Length { get; }
    bool Countable { get; }
    byte Ref { get; }
    IReadOnlyList<object?> GetContent();
    IItemContent Copy();
    /// <summary>Cuts this content at <paramref name="offset"/>, keeps the left part, returns the right.</summary>
    IItemContent Splice(int offset);
    bool MergeWith(IItemContent right);
    void Integrate(Transaction transaction, Item item);
    void Delete(Transaction transaction);
    void Gc(StructStore store);
    void Write(UpdateEncoderV1 encoder, int offset);
}
