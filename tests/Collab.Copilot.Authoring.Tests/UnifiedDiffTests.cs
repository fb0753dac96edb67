namespace Collab.Copilot.Authoring.Tests;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Changed_line_gives_one_hunk_with_context()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\nd\n", "a\nB\nc\nd\n", "f");
        Assert.Equal("--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n", diff);
    }

    [Fact]
    public void Equal_texts_give_an_empty_diff() => Assert.Equal("", UnifiedDiff.Create("x\n", "x\n"));
}
