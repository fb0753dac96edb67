using Microsoft.ML.Tokenizers;

namespace Collab.Indexer.Chunking;

/// <summary>Counts tokens with the cl100k_base encoding, a fair stand-in for today's chat and embedding models.</summary>
public sealed class TiktokenTokenCounter : ITokenCounter
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public int CountTokens(string text) => Tokenizer.Value.CountTokens(text);
}
