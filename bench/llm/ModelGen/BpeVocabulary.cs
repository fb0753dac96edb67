namespace Collab.Copilot.ModelGen;

/// <summary>
/// A byte-level BPE vocabulary as llama.cpp's "gpt2" tokenizer reads it from GGUF: token
/// strings (GPT-2 byte encoded), their types, and merges in priority order.
/// </summary>
public sealed record BpeVocabulary(
    IReadOnlyList<string> Tokens,
    IReadOnlyList<int> TokenTypes,
    IReadOnlyList<string> Merges,
    int BeginOfTextId,
    int EndOfTurnId,
    string ChatTemplate)
{
    /// <summary>llama.cpp token type of ordinary text tokens.</summary>
    public const int NormalType = 1;

    /// <summary>llama.cpp token type of control tokens such as end-of-turn.</summary>
    public const int ControlType = 3;
}
