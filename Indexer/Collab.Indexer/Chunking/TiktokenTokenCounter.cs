using Microsoft.ML.Tokenizers;

namespace Collab.Indexer.Chunking;

/// <summary>Counts tokens with the cl100k_base encoding, a fair stand-in for today's chat and embedding models.</summary>
public sealed class TiktokenTokenCounter : ITokenCounter
{
    // The encoding's tables take some 12 MB of heap and are needed only while an index is built (at
    // a server's start, and when its docs change): held weakly, a server that is not building lets
    // the collector have them back, and the next build loads them again.
    private static readonly WeakReference<Tokenizer?> Loaded = new(null);
    private static readonly Lock LoadLock = new();

    public int CountTokens(string text) => Tokenizer().CountTokens(text);

    private static Tokenizer Tokenizer()
    {
        if (Loaded.TryGetTarget(out var tokenizer)) return tokenizer;
        lock (LoadLock)
        {
            if (Loaded.TryGetTarget(out tokenizer)) return tokenizer;
            tokenizer = TiktokenTokenizer.CreateForEncoding("cl100k_base");
            Loaded.SetTarget(tokenizer);
            return tokenizer;
        }
    }
}
