using System.IO.Compression;
using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace Collab.Indexer.Chunking;

/// <summary>Counts tokens with the cl100k_base encoding, a fair stand-in for today's chat and embedding models.</summary>
public sealed class TiktokenTokenCounter : ITokenCounter
{
    // The encoding's tables take some 17 MB of heap and are needed only while an index is built (a
    // server's first start, or when its docs change). TiktokenTokenizer.CreateForEncoding keeps them
    // in a static cache for the life of the process; read from the data package's stream they
    // belong to this tokenizer alone, held weakly: a server that is not building lets the collector
    // have them back, and the next build loads them again.
    private static readonly WeakReference<Tokenizer?> Loaded = new(null);
    private static readonly Lock LoadLock = new();

    public int CountTokens(string text) => Tokenizer().CountTokens(text);

    private static Tokenizer Tokenizer()
    {
        if (Loaded.TryGetTarget(out var tokenizer)) return tokenizer;
        lock (LoadLock)
        {
            if (Loaded.TryGetTarget(out tokenizer)) return tokenizer;
            tokenizer = Load();
            Loaded.SetTarget(tokenizer);
            return tokenizer;
        }
    }

    /// <summary>cl100k_base (gpt-4's encoding: its pre-tokenizer and special tokens) from the vocabulary the data package ships.</summary>
    internal static Tokenizer Load()
    {
        var data = Assembly.Load("Microsoft.ML.Tokenizers.Data.Cl100kBase");
        using var compressed = data.GetManifestResourceStream("cl100k_base.tiktoken.deflate")
            ?? throw new InvalidOperationException("The cl100k_base vocabulary is missing from Microsoft.ML.Tokenizers.Data.Cl100kBase.");
        using var vocabulary = new DeflateStream(compressed, CompressionMode.Decompress);
        return TiktokenTokenizer.CreateForModel("gpt-4", vocabulary);
    }
}
