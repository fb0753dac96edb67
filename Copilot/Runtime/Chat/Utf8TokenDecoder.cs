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
    private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
    private readonly List<byte> bytes = new(64);
    private char[] chars = new char[64];

    public string Append(int token)
    {
        bytes.Clear();
        model.AppendPiece(token, bytes);
        return Decode(flush: false);
    }

    /// <summary>Whatever incomplete character is left at the end (as U+FFFD).</summary>
    public string Flush()
    {
        bytes.Clear();
        return Decode(flush: true);
    }

    private string Decode(bool flush)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        var needed = decoder.GetCharCount(span, flush);
        if (needed > chars.Length) chars = new char[needed * 2];
        var count = decoder.GetChars(span, chars, flush);
        return new string(chars, 0, count);
    }
}
