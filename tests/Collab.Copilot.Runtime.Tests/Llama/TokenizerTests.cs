using Collab.Copilot.Runtime.Llama;

namespace Collab.Copilot.Runtime.Tests.Llama;

[Trait("Needs", "Llama")]
public sealed class TokenizerTests : IClassFixture<TinyModelFixture>
{
    private readonly LlamaModel model;

    public TokenizerTests(TinyModelFixture fixture) => model = fixture.Model;

    [Theory]
    [InlineData("Hello, world!")]
    [InlineData("kubectl describe pod trainer-0 -n ml-team")]
    [InlineData("Grüße aus Göttingen — ¿qué tal? 日本語のテキスト 🚀")]
    [InlineData("  leading spaces\n\ttabs and\r\nnewlines  ")]
    [InlineData("")]
    public void Round_trips_text(string text)
    {
        var tokens = model.Tokenize(text, addSpecial: false, parseSpecial: false);
        Assert.Equal(text, model.Detokenize(tokens));
    }

    [Fact]
    public void Uses_the_cl100k_base_merges()
    {
        // " world" is a single cl100k_base token (rank 1917), as in tiktoken.
        Assert.Equal([1917], model.Tokenize(" world", false, false));
        Assert.Equal([9906, 11, 1917, 0], model.Tokenize("Hello, world!", false, false));
    }

    [Fact]
    public void Control_tokens_are_parsed_only_when_asked()
    {
        Assert.Equal([100264], model.Tokenize("<|im_start|>", false, parseSpecial: true));
        Assert.True(model.Tokenize("<|im_start|>", false, parseSpecial: false).Length > 1);
        Assert.True(model.IsEndOfGeneration(100265));
        Assert.False(model.IsEndOfGeneration(1917));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_352)]
    [InlineData(int.MaxValue)]
    public void Invalid_token_ids_are_refused_before_native_code(int token)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Detokenize([1917, token]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.AppendPiece(token, []));
    }
}
