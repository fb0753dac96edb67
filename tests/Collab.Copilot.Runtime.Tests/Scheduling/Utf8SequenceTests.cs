using Collab.Copilot.Runtime.Scheduling;

namespace Collab.Copilot.Runtime.Tests.Scheduling;

public sealed class Utf8SequenceTests
{
    [Theory]
    [InlineData("41")]
    [InlineData("C3A9")]          // é
    [InlineData("E0A080")]        // U+0800, the first three-byte character
    [InlineData("ED9FBF")]        // U+D7FF, just below the surrogates
    [InlineData("F0908080")]      // U+10000
    [InlineData("F48FBFBF")]      // U+10FFFF
    [InlineData("E4BF")]          // a valid start, finished by a later token
    public void Well_formed_bytes_and_prefixes_pass(string hex) =>
        Assert.True(Utf8Sequence.Complete.TryAdvance(Convert.FromHexString(hex), out _));

    [Theory]
    [InlineData("80")]            // continuation byte first
    [InlineData("C0A2")]          // overlong '"'
    [InlineData("C1BF")]
    [InlineData("E099A2")]        // overlong three-byte form
    [InlineData("EDA080")]        // surrogate U+D800
    [InlineData("F08F")]          // overlong four-byte form
    [InlineData("F490")]          // past U+10FFFF
    [InlineData("F5")]
    [InlineData("FF")]
    [InlineData("C341")]          // character cut short by ASCII
    public void Malformed_bytes_are_refused(string hex) =>
        Assert.False(Utf8Sequence.Complete.TryAdvance(Convert.FromHexString(hex), out _));

    [Fact]
    public void The_same_variable_can_be_state_and_result()
    {
        var state = Utf8Sequence.Complete;
        Assert.True(state.TryAdvance(0xE0, out state));
        Assert.False(state.TryAdvance(0x99, out state)); // E0 needs A0–BF next
    }
}
