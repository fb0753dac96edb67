using System.IO.Compression;
using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace Collab.Indexer.Chunking;

/// <summary>Counts tokens with the cl100k_base encoding, a fair stand-in for today's chat and embedding models.</summary>
public sealed class TiktokenTokenCounter : ITokenCounter
{
    // The encoding's tables take some 17 MB of heap and are needed only while an index is built (a
    // server's first start, or when its docs change). TiktokenTokenizer.CreateForEncoding keeps them
    // in a static cache for the life of the process; read from the data package's stream they belong
    // to this counter alone and live as long as it does: the chunking step makes one per run.
    private readonly Lazy<Tokenizer> _tokenizer = new(Load);

    public int CountTokens(string text) => _tokenizer.Value.CountTokens(text);

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
