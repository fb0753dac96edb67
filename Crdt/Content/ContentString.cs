using System.Text;
using TextEncoding = System.Text.Encoding;
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

    // A string, or the text as ASCII bytes when every char is ASCII: a .NET string takes two bytes
    // a char, and a notebook's text (code, outputs) is nearly all ASCII, so a live document's text
    // takes half the memory it would. An ASCII char is one UTF-16 code unit and one UTF-8 byte, so
    // the clock length and the encoded bytes are those of the string.
    private object _text;

    /// <summary>Text content (yjs's <c>ContentString</c>); one clock per UTF-16 code unit of <paramref name="str"/>.</summary>
    public ContentString(string str) => _text = Compact(str);

    private ContentString(object text) => _text = text;

    /// <summary>The text; its length in UTF-16 code units is the item's clock length. ASCII text is kept as bytes and read out as a new string.</summary>
    public string Str => _text as string ?? TextEncoding.ASCII.GetString((byte[])_text);

    /// <inheritdoc/>
    public int Length => _text is string s ? s.Length : ((byte[])_text).Length;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => Str.Select(c => (object?)c.ToString()).ToList();
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentString(_text); // neither a string nor the bytes are ever changed in place

    /// <summary>Appends the text to <paramref name="sb"/> without a string in between.</summary>
    public void AppendTo(StringBuilder sb)
    {
        if (_text is string s)
        {
            sb.Append(s);
            return;
        }
        var bytes = (byte[])_text;
        Span<char> chars = stackalloc char[Math.Min(bytes.Length, 512)];
        for (var at = 0; at < bytes.Length; at += chars.Length)
        {
            var take = Math.Min(chars.Length, bytes.Length - at);
            Ascii.ToUtf16(bytes.AsSpan(at, take), chars, out _);
            sb.Append(chars[..take]);
        }
    }

    /// <inheritdoc/>
    public IItemContent Splice(int offset)
    {
        if (_text is byte[] bytes)
        {
            _text = bytes[..offset];
            return new ContentString((object)bytes[offset..]);
        }
        return SpliceString(offset);
    }

    // Apart from Splice: text with non-ASCII characters is rare, and a fresh process then compiles
    // only the byte case with its first edit.
    private ContentString SpliceString(int offset)
    {
        var str = (string)_text;
        var left = str[..offset];
        var right = str[offset..];
        // A surrogate pair cut in half becomes two replacement characters, as in yjs.
        if (offset > 0 && char.IsHighSurrogate(left[^1]))
        {
            left = left[..^1] + '\uFFFD';
            right = '\uFFFD' + right[1..];
        }
        _text = Compact(left);
        return new ContentString(right);
    }

    /// <inheritdoc/>
    public bool MergeWith(IItemContent right)
    {
        var other = ((ContentString)right)._text;
        _text = _text is byte[] a && other is byte[] b ? (object)(byte[])[.. a, .. b]
            // Non-ASCII text next to ASCII: one string, without a string for each side first.
            : string.Create(Length + right.Length, (Left: _text, Right: other), static (chars, parts) =>
            {
                int leftLength = CopyChars(parts.Left, chars);
                CopyChars(parts.Right, chars[leftLength..]);
            });
        return true;
    }

    /// <summary>Copies the text (a string, or ASCII bytes) to the start of <paramref name="chars"/>; returns its length.</summary>
    private static int CopyChars(object text, Span<char> chars)
    {
        if (text is string s)
        {
            s.CopyTo(chars);
            return s.Length;
        }
        var bytes = (byte[])text;
        Ascii.ToUtf16(bytes, chars, out var written);
        return written;
    }

    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item) { }
    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }

    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        if (_text is byte[] bytes) encoder.RestEncoder.WriteVarUint8Array(bytes.AsSpan(offset)); // ASCII: its UTF-8 is itself
        else encoder.WriteString(offset == 0 ? (string)_text : ((string)_text)[offset..]);
    }

    internal static ContentString Read(UpdateDecoderV1 decoder)
    {
        var utf8 = decoder.RestDecoder.ReadSpan(decoder.RestDecoder.ReadVarUintAsInt("string length"));
        return new ContentString(Ascii.IsValid(utf8) ? utf8.ToArray() : (object)TextEncoding.UTF8.GetString(utf8));
    }

    private static object Compact(string str) => Ascii.IsValid(str) ? TextEncoding.ASCII.GetBytes(str) : str;
}
