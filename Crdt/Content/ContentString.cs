using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>Text; its length is in UTF-16 code units, the same as a .NET string's.</summary>
public sealed class ContentString : IItemContent
{
    /// <summary>The content ref of string content.</summary>
    public const byte RefNumber = 4;
    /// <summary>The text; its length in UTF-16 code units is the item's clock length.</summary>
    public string Str;

    /// <summary>Text content (yjs's <c>ContentString</c>); one clock per UTF-16 code unit of <paramref name="str"/>.</summary>
    public ContentString(string str) => Str = str;

    /// <inheritdoc/>
    public int Length => Str.Length;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => Str.Select(c => (object?)c.ToString()).ToList();
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentString(Str);

    /// <inheritdoc/>
    public IItemContent Splice(int offset)
    {
        var right = new ContentString(Str[offset..]);
        Str = Str[..offset];
        // A surrogate pair cut in half becomes two replacement characters, as in yjs.
        if (offset > 0 && char.IsHighSurrogate(Str[offset - 1]))
        {
            Str = Str[..(offset - 1)] + '\uFFFD';
            right.Str = '\uFFFD' + right.Str[1..];
        }
        return right;
    }

    /// <inheritdoc/>
    public bool MergeWith(IItemContent right)
    {
        Str += ((ContentString)right).Str;
        return true;
    }

    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item) { }
    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }

    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset) =>
        encoder.WriteString(offset == 0 ? Str : Str[offset..]);

    internal static ContentString Read(UpdateDecoderV1 decoder) => new(decoder.ReadString());
}
