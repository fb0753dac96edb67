using Collab.Copilot.Runtime.Scheduling;

namespace Collab.Copilot.Runtime.Llama;

/// <summary>
/// Every token's raw bytes, read once per model, and whether each may follow complete text
/// without breaking UTF-8 (it may end inside a character that a later token finishes).
/// </summary>
internal sealed class TokenBytes
{
    private readonly byte[][] _pieces;
    private readonly bool[] _validAfterComplete;

    public TokenBytes(LlamaModel model)
    {
        _pieces = new byte[model.VocabularySize][];
        _validAfterComplete = new bool[model.VocabularySize];
        var buffer = new List<byte>(32);
        for (var token = 0; token < _pieces.Length; token++)
        {
            buffer.Clear();
            model.AppendPiece(token, buffer);
            _pieces[token] = buffer.ToArray();
            _validAfterComplete[token] = Utf8Sequence.Complete.TryAdvance(_pieces[token], out _);
        }
    }

    public int Count => _pieces.Length;

    public ReadOnlySpan<byte> Piece(int token) => _pieces[token];

    public bool IsValidAfterComplete(int token) => _validAfterComplete[token];
}
