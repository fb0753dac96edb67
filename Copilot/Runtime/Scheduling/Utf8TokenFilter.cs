using Collab.Copilot.Runtime.Llama;

namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// Keeps one generation's bytes well-formed UTF-8 by masking, before the sampler chain runs,
/// every token that would break the character in progress. Used with grammars, whose
/// decoder accepts malformed sequences as characters: each then counted once against a
/// maxLength but became several U+FFFD in the text.
/// </summary>
internal sealed class Utf8TokenFilter(TokenBytes tokens)
{
    private Utf8Sequence _state = Utf8Sequence.Complete;

    public int VocabularySize => tokens.Count;

    /// <summary>
    /// Whether <paramref name="token"/> may come next. A token with no text (end of generation,
    /// control tokens) may not cut a character in half.
    /// </summary>
    public bool Allows(int token)
    {
        if (_state.IsComplete) return tokens.IsValidAfterComplete(token);
        var piece = tokens.Piece(token);
        return piece.Length > 0 && _state.TryAdvance(piece, out _);
    }

    public void Accept(int token)
    {
        if (!_state.TryAdvance(tokens.Piece(token), out _state)) _state = Utf8Sequence.Complete;
    }
}
