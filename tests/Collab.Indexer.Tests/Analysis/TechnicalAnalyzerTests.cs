using Collab.Indexer.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Collab.Indexer.Tests.Analysis;

public class TechnicalAnalyzerTests
{
    private static List<string> Tokens(string text, bool stem = true)
    {
        using var analyzer = new TechnicalAnalyzer(stem);
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    [Theory]
    [InlineData("nvidia.com/gpu", new[] { "nvidia.com/gpu", "nvidia", "com", "gpu" })]
    [InlineData("CrashLoopBackOff", new[] { "crashloopbackoff", "crash", "loop", "back", "off" })]
    [InlineData("singleuser.extraResource.limits", new[] { "singleuser.extraresource.limits", "singleus", "extraresourc", "extra", "resourc", "limit" })]
    [InlineData("--gpus=all", new[] { "--gpus=all", "--gpus", "gpu", "all" })]
    public void Keeps_identifiers_whole_and_adds_their_parts(string identifier, string[] expected)
    {
        var tokens = Tokens(identifier);
        Assert.Equal(identifier.ToLowerInvariant(), tokens[0]);
        foreach (var token in expected) Assert.Contains(token, tokens);
    }

    [Fact]
    public void Whole_identifier_survives_in_a_sentence_with_trailing_punctuation()
    {
        var tokens = Tokens("Set resources.limits.nvidia.com/gpu: 1, then check CrashLoopBackOff.");
        Assert.Contains("resources.limits.nvidia.com/gpu", tokens);
        Assert.Contains("crashloopbackoff", tokens);
        Assert.DoesNotContain(tokens, t => t.EndsWith('.') || t.EndsWith(':'));
    }

    [Fact]
    public void Stems_prose_and_drops_question_filler()
    {
        var tokens = Tokens("How do I limit the running containers?");
        Assert.Equal(["limit", "run", "contain"], tokens);
    }

    [Fact]
    public void Exact_variant_keeps_word_forms()
    {
        Assert.Equal(["queues", "workloads"], Tokens("queues and workloads", stem: false));
    }

    [Fact]
    public void Keeps_flag_and_dotfile_prefixes()
    {
        var tokens = Tokens("run with -v and edit ~/.condarc");
        Assert.Contains("-v", tokens);
        Assert.Contains(".condarc", tokens);
        Assert.Contains("condarc", tokens);
    }
}
