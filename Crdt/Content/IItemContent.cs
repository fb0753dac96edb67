using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>What an <see cref="Item"/> carries. <see cref="Ref"/> is the Yjs content ref in the info byte.</summary>
public interface IItemContent
{
    /// <summary>How many clocks the content covers (UTF-16 code units for strings, values for lists, 1 for types and embeds).</summary>
    int Length { get; }
    /// <summary>Whether the content counts towards the parent's visible length.</summary>
    bool Countable { get; }
    /// <summary>The content ref written in the low 5 bits of an item's info byte.</summary>
    byte Ref { get; }
    /// <summary>The values the content shows to readers, one per clock (like yjs's <c>content.getContent()</c>).</summary>
    IReadOnlyList<object?> GetContent();
    /// <summary>A new content with the same data, for a new item.</summary>
    IItemContent Copy();
    /// <summary>Cuts this content at <paramref name="offset"/>, keeps the left part, returns the right.</summary>
    IItemContent Splice(int offset);
    /// <summary>Appends <paramref name="right"/> (same kind, adjacent) to this content.</summary>
    /// <returns>Whether it merged; contents that can't merge return false.</returns>
    bool MergeWith(IItemContent right);
    /// <summary>Called once the owning <paramref name="item"/> is placed in the document.</summary>
    void Integrate(Transaction transaction, Item item);
    /// <summary>Called when the owning item is deleted, e.g. to delete a nested type's children.</summary>
    void Delete(Transaction transaction);
    /// <summary>Called when the owning item is garbage collected, to release what the content owns.</summary>
    void Gc(StructStore store);
    /// <summary>Writes the content in the V1 update format, leaving out its first <paramref name="offset"/> clocks.</summary>
    void Write(UpdateEncoderV1 encoder, int offset);
}
