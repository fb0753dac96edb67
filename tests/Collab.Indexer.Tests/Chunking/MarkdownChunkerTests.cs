using Collab.Indexer.Chunking;
using Collab.Indexer.Documents;

namespace Collab.Indexer.Tests.Chunking;

public class MarkdownChunkerTests
{
    private static readonly TiktokenTokenCounter Tokens = new();

    private static IReadOnlyList<Chunk> ChunkText(string markdown, int maxTokens = 400) =>
        new MarkdownChunker(new ChunkingOptions { MaxTokens = maxTokens }, Tokens)
            .Chunk(SourceDocumentReader.Read("guide/gpus.md", System.Text.Encoding.UTF8.GetBytes(markdown)));

    [Fact]
    public void Chunks_follow_headings_and_carry_their_heading_path_and_anchor()
    {
        var chunks = ChunkText("""
            ---
            title: Requesting GPUs
            tags: [gpu, kubernetes]
            ---
            Intro before any heading.

            # Requesting GPUs

            Whole GPUs and MIG slices.

            ## Whole GPUs

            Set `nvidia.com/gpu: 1` in limits.

            ### Checking use

            Run `nvidia-smi`.

            ## MIG slices

            Ask for `nvidia.com/mig-1g.10gb`.
            """);

        Assert.Equal(5, chunks.Count);
        Assert.Equal("", chunks[0].Anchor);
        Assert.Empty(chunks[0].HeadingPath);
        Assert.Equal(["Requesting GPUs", "Whole GPUs", "Checking use"], chunks[3].HeadingPath);
        Assert.Equal(["requesting-gpus", "whole-gpus", "checking-use", "mig-slices"], chunks.Skip(1).Select(c => c.Anchor));
        Assert.Equal(["Requesting GPUs", "MIG slices"], chunks[4].HeadingPath);
        Assert.All(chunks, c => Assert.Equal("guide/gpus.md", c.Path));
        Assert.All(chunks, c => Assert.Equal("Requesting GPUs", c.Title));
        Assert.All(chunks, c => Assert.Equal(["gpu", "kubernetes"], c.Tags));
        Assert.StartsWith("## Whole GPUs", chunks[2].Text);
    }

    [Fact]
    public void Anchors_are_github_slugs_with_suffixes_for_repeats()
    {
        var slugger = new HeadingSlugger();
        Assert.Equal("whats-new-in-v20", slugger.Slug("What's new in v2.0?"));
        Assert.Equal("pod-state-crashloopbackoff", slugger.Slug("Pod state: CrashLoopBackOff"));
        Assert.Equal("example", slugger.Slug("Example"));
        Assert.Equal("example-1", slugger.Slug("Example"));
        Assert.Equal("example-2", slugger.Slug("Example"));
        Assert.Equal("singleuser_image--tag", slugger.Slug("singleuser_image & tag"));
    }

    [Fact]
    public void Heading_anchor_uses_the_heading_text_without_markup()
    {
        var chunks = ChunkText("## Set `--gpus=all` for *Docker*\n\ntext");
        Assert.Equal("set---gpusall-for-docker", chunks[0].Anchor);
        Assert.Equal(["Set --gpus=all for Docker"], chunks[0].HeadingPath);
    }

    [Fact]
    public void Long_sections_are_split_within_the_token_bound()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 60).Select(i =>
            $"Paragraph {i} explains how quotas, priorities and preemption interact when a queue is full."));
        var chunks = ChunkText($"# Queues\n\n{paragraphs}\n\n- {string.Join("\n- ", Enumerable.Range(1, 80).Select(i => $"item {i} of a long list"))}", maxTokens: 120);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.InRange(Tokens.CountTokens(c.Text), 1, 120));
        Assert.All(chunks, c => Assert.Equal("queues", c.Anchor));
        var text = string.Join("\n", chunks.Select(c => c.Text));
        Assert.Contains("Paragraph 60 explains", text);
        Assert.Contains("item 80 of a long list", text);
    }

    [Fact]
    public void Code_blocks_are_never_split_even_when_larger_than_the_bound()
    {
        var manifest = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"  label{i}: value-{i}"));
        var code = $"```yaml\nmetadata:\n{manifest}\n```";
        var chunks = ChunkText($"# Job\n\nA short intro.\n\n{code}\n\nAfter the code.", maxTokens: 100);

        var withCode = Assert.Single(chunks, c => c.Text.Contains("```yaml"));
        Assert.Contains(code, withCode.Text);
        Assert.All(chunks.Where(c => c != withCode), c => Assert.True(Tokens.CountTokens(c.Text) <= 100));
        Assert.All(chunks, c => Assert.Equal(1, c.Text.Split("```").Length % 2));
    }

    [Fact]
    public void Code_block_inside_a_long_list_stays_whole()
    {
        var items = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"- step {i} of the procedure"));
        var markdown = $"# Steps\n\n{items}\n- run this:\n\n  ```bash\n  kubectl apply -f job.yaml\n  kubectl get pods --watch\n  ```\n";
        var chunks = ChunkText(markdown, maxTokens: 60);
        Assert.Contains(chunks, c => c.Text.Contains("kubectl apply -f job.yaml\n  kubectl get pods --watch"));
    }

    [Fact]
    public void Chunk_ids_are_stable_for_unchanged_text()
    {
        var first = ChunkText("# A\n\nalpha\n\n# B\n\nbeta");
        var second = ChunkText("# A\n\nalpha\n\n# B\n\nbeta, edited");
        Assert.Equal(first[0].Id, second[0].Id);
        Assert.NotEqual(first[1].Id, second[1].Id);
    }

    [Fact]
    public void Front_matter_description_leads_the_first_chunk()
    {
        var chunks = ChunkText("---\ntitle: Storage\ndescription: Home, project volumes and buckets.\n---\n# Storage\n\nBody.");
        Assert.StartsWith("Home, project volumes and buckets.", chunks[0].Text);
    }
}
