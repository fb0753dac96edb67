using Collab.Indexer.Chunking;
using Microsoft.ML.Tokenizers;

namespace Collab.Indexer.Tests.Chunking;

/// <summary>The counter's own cl100k_base (read from the data package, not the library's cache) counts as the library's does.</summary>
public class TiktokenTokenCounterTests
{
    // Loading a vocabulary takes seconds of CPU; the tokenizers are immutable, so the cases share them.
    private static readonly Tokenizer Library = TiktokenTokenizer.CreateForEncoding("cl100k_base");
    private static readonly TiktokenTokenCounter Counter = new();
    private static readonly Tokenizer Ours = TiktokenTokenCounter.Load();

    [Theory]
    [InlineData("")]
    [InlineData("Deploy the chart with `helm upgrade --install collab ./deploy/helm -f values.yaml`.")]
    [InlineData("def f(x):\n    return x ** 2  # naïve — ✓ 😀\n")]
    [InlineData("<|endoftext|> is a special token; so it counts as one.")]
    public void Counts_as_the_library_s_cl100k_base(string text)
    {
        Assert.Equal(Library.CountTokens(text), Counter.CountTokens(text));
        Assert.Equal(Library.EncodeToIds(text), Ours.EncodeToIds(text));
    }
}
