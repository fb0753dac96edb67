using System.Text;
using Collab.Copilot.Runtime.Llama;

namespace Collab.Copilot.Runtime.Chat;

/// <summary>
/// Turns generated tokens into text as they arrive. A token may end in the middle of a UTF-8
/// character (byte-level BPE), so the decoder keeps the incomplete bytes until the next token
/// finishes the character; streamed pieces therefore concatenate to the whole answer.
/// </summary>
internal sealed class Utf8TokenDecoder(LlamaModel model)
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly List<byte> _bytes = new(64);
    private char[] _chars = new char[64];

    public string Append(int token)
    {
        _bytes.Clear();
        model.AppendPiece(token, _bytes);
        return Decode(flush: false);
    }

    /// <summary>Whatever incomplete character is left at the end (as U+FFFD).</summary>
    public string Flush()
    {
        _bytes.Clear();
        return Decode(flush: true);
    }

    private string Decode(bool flush)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes);
        var needed = _decoder.GetCharCount(span, flush);
        if (needed > _chars.Length) _chars = new char[needed * 2];
        var count = _decoder.GetChars(span, _chars, flush);
        return new string(_chars, 0, count);
    }
}
