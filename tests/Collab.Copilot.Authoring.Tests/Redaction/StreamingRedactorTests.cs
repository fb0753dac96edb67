using Collab.Copilot.Authoring.Redaction;

namespace Collab.Copilot.Authoring.Tests.Redaction;

/// <summary>A stream cut anywhere, even inside a secret, comes out exactly as the whole text redacted at once.</summary>
public sealed class StreamingRedactorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Pieces_of_any_size_give_the_same_text_as_redacting_it_whole(int seed)
    {
        var random = new Random(seed);
        foreach (var c in RedactionCorpus.All())
        {
            var streamed = Stream(c.Input, random, maxPiece: seed == 1 ? 3 : 40);
            Assert.True(SecretRedactor.Redact(c.Input).Text == streamed, $"{c.Name} (seed {seed}):\n{streamed}");
        }
    }

    /// <summary>Held-out set K as a model would stream it: no fragment of a secret shows, whatever the cut.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Held_out_set_k_streamed_in_pieces_leaves_no_secret(int seed)
    {
        var random = new Random(seed);
        foreach (var c in CaseFiles.Load<RedactionCase>("redaction-heldout-k.yaml"))
        {
            var streamed = Stream(c.Input, random, maxPiece: seed == 1 ? 3 : 40);
            foreach (var secret in c.Secrets) Assert.False(streamed.Contains(secret, StringComparison.Ordinal), $"{c.Name} (seed {seed}): {secret} shown\n{streamed}");
        }
    }

    [Fact]
    public void A_secret_split_across_pieces_never_shows()
    {
        var redactor = new StreamingRedactor();
        var shown = redactor.Push("export HF_TOKEN=hf_edUStPKRCs") + redactor.Push("TyQwbDwkNhFdnXsiVpzzFfkC\nnext line") + redactor.Flush();
        Assert.DoesNotContain("hf_edUStPKRCs", shown);
        Assert.Contains("next line", shown);
        Assert.Equal(1, redactor.Redactions);
    }

    [Fact]
    public void A_private_key_is_held_until_it_ends()
    {
        var redactor = new StreamingRedactor();
        Assert.Equal("here:\n", redactor.Push("here:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"));
        Assert.Equal("", redactor.Push("BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n"));
        Assert.Equal("[REDACTED:private-key]\n", redactor.Push("-----END PRIVATE KEY-----\n"));
    }

    [Fact]
    public void A_long_line_is_released_before_it_ends()
    {
        var redactor = new StreamingRedactor();
        var shown = redactor.Push(string.Concat(Enumerable.Repeat("word ", 1000)));
        Assert.NotEmpty(shown);
    }

    private static string Stream(string text, Random random, int maxPiece)
    {
        var redactor = new StreamingRedactor();
        var shown = new System.Text.StringBuilder();
        for (var at = 0; at < text.Length;)
        {
            var length = Math.Min(random.Next(1, maxPiece + 1), text.Length - at);
            shown.Append(redactor.Push(text.Substring(at, length)));
            at += length;
        }
        return shown.Append(redactor.Flush()).ToString();
    }
}
