using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>Text; its length is in UTF-16 code units, the same as a .NET string's.</summary>
public sealed class ContentString : IItemContent
{
    public const byte RefNumber = 4;
    public string Str;

    public ContentString(string str) => Str = str;

    public int Length => Str.Length;
    public bool Countable => true;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => Str.Select(c => (object?)c.ToString()).ToList();
    public IItemContent Copy() => new ContentString(Str);

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

    public bool MergeWith(IItemContent right)
    {
        Str += ((ContentString)right).Str;
        return true;
    }

    public void Integrate(Transaction transaction, Item item) { }
    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }

    public void Write(UpdateEncoderV1 encoder, int offset) =>
        encoder.WriteString(offset == 0 ? Str : Str[offset..]);

    internal static ContentString Read(UpdateDecoderV1 decoder) => new(decoder.ReadString());
}
