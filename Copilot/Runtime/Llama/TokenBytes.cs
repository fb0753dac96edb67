using Collab.Copilot.Runtime.Scheduling;

namespace Collab.Copilot.Runtime.Llama;

/// <summary>
/// Every token's raw bytes, read once per model, and whether each may follow complete text
/// without breaking UTF-8 (it may end inside a character that a later token finishes).
/// </summary>
internal sealed class TokenBytes
{
    private readonly byte[][] pieces;
    private readonly bool[] validAfterComplete;

    public TokenBytes(LlamaModel model)
    {
        pieces = new byte[model.VocabularySize][];
        validAfterComplete = new bool[model.VocabularySize];
        var buffer = new List<byte>(32);
        for (var token = 0; token < pieces.Length; token++)
        {
            buffer.Clear();
            model.AppendPiece(token, buffer);
            pieces[token] = buffer.ToArray();
            validAfterComplete[token] = Utf8Sequence.Complete.TryAdvance(pieces[token], out _);
        }
    }

    public int Count => pieces.Length;

    public ReadOnlySpan<byte> Piece(int token) => pieces[token];

    public bool IsValidAfterComplete(int token) => validAfterComplete[token];
}
