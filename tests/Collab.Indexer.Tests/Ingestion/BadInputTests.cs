using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Ingestion;

public class BadInputTests : IDisposable
{
    private readonly TempFolder _docs = new();
    private readonly TempFolder _index = new();

    public void Dispose()
    {
        _docs.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Binary_undecodable_unreadable_and_broken_front_matter_files_are_skipped_with_a_warning_naming_them()
    {
        _docs.Write("good.md", "---\ntitle: Good page\n---\n# Good\n\nPersistentVolumeClaim stuck in Pending.");
        File.WriteAllBytes(_docs.Combine("image.md"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]);
        File.WriteAllBytes(_docs.Combine("latin1.md"), [0x63, 0x61, 0x66, 0xE9, 0x20, 0x21]);
        _docs.Write("broken.md", "---\ntitle: [unclosed\ntags: {\n---\n# Broken\n\ntext");
        _docs.Write("unclosed.md", "---\ntitle: Never closed\n\n# Body\n");
        File.CreateSymbolicLink(_docs.Combine("dangling.md"), _docs.Combine("missing-target.md"));
        _docs.Write("notes.txt", "not markdown, ignored");

        using var host = new IndexerHost(_index.Path);
        var summary = await host.Builder.BuildAsync(_docs.Path);

        Assert.Equal(["broken.md", "dangling.md", "image.md", "latin1.md", "unclosed.md"], summary.Warnings.Select(w => w.Path).Order());
        Assert.Contains(summary.Warnings, w => w.Path == "broken.md" && w.Reason.Contains("front matter"));
        Assert.Contains(summary.Warnings, w => w.Path == "image.md" && w.Reason.Contains("binary"));
        Assert.Contains(summary.Warnings, w => w.Path == "dangling.md" && w.Reason.Contains("unreadable"));
        Assert.Equal(1, summary.Added);

        var hit = Assert.Single(await host.Retriever.SearchAsync("PersistentVolumeClaim Pending", 5));
        Assert.Equal("good.md", hit.Path);
        Assert.Equal("Good page", hit.Title);
    }

    [Fact]
    public async Task A_file_that_turns_bad_is_dropped_and_the_rest_of_the_index_is_kept()
    {
        _docs.Write("a.md", "# A\n\nalpha ImagePullBackOff");
        _docs.Write("b.md", "# B\n\nbeta OOMKilled");
        using var host = new IndexerHost(_index.Path);
        await host.Builder.BuildAsync(_docs.Path);

        _docs.Write("b.md", "---\ntitle: : :\n  - bad\n---\nbeta OOMKilled");
        var summary = await host.Builder.BuildAsync(_docs.Path);

        Assert.Equal("b.md", Assert.Single(summary.Warnings).Path);
        Assert.Empty(await host.Retriever.SearchAsync("OOMKilled", 5));
        Assert.Equal("a.md", Assert.Single(await host.Retriever.SearchAsync("ImagePullBackOff", 5)).Path);
    }
}
