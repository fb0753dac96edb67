namespace Collab.Copilot.ModelGen;

/// <summary>
/// GPT-2's reversible byte-to-character map: every byte becomes a printable character, so any
/// token's bytes (even half of a UTF-8 sequence) can be stored as a GGUF string. llama.cpp's
/// "gpt2" tokenizer model expects tokens and merges written this way.
/// </summary>
public static class Gpt2ByteEncoding
{
    private static readonly char[] ByteToChar = Build();

    /// <summary>Encodes raw token bytes as a GPT-2 token string.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    private static char[] Build()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }
}
