using System.CommandLine;
using Collab.Indexer.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collab.Indexer.Cli;

/// <summary><c>index &lt;dir&gt; [--out &lt;dir&gt;]</c>: indexes a documentation folder incrementally.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Folder of Markdown documentation to index." };
        var output = new Option<string?>("--out", "-o") { Description = "Index folder (default: Indexer:IndexPath, else ./index)." };
        var command = new Command("index", "Index a documentation folder; unchanged files are skipped.") { directory, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = IndexerServices.Build(parse.GetValue(output));
            var builder = services.GetRequiredService<IndexBuilder>();
            var summary = await BuildWithProgressAsync(builder, parse.GetValue(directory)!.FullName, cancellationToken);
            Print(summary);
            return 0;
        });
        return command;
    }

    public static async Task<IngestionSummary> BuildWithProgressAsync(IndexBuilder builder, string directory, CancellationToken cancellationToken)
    {
        IngestionSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress<IngestionProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Step, out var task)) tasks[p.Step] = task = progressContext.AddTask(p.Step);
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Completed;
                });
                summary = await builder.BuildAsync(directory, progress, cancellationToken);
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        return summary!;
    }

    public static void Print(IngestionSummary summary)
    {
        var table = new Table().AddColumns("files", "new", "changed", "same", "gone", "skipped", "chunks out", "chunks", "time");
        table.AddRow(
            summary.FilesSeen.ToString(), summary.Added.ToString(), summary.Updated.ToString(), summary.Unchanged.ToString(),
            summary.Deleted.ToString(), summary.Warnings.Count.ToString(), summary.ChunksWritten.ToString(),
            summary.ChunksInIndex.ToString(), $"{summary.Elapsed.TotalSeconds:0.00} s");
        AnsiConsole.Write(table);
        foreach (var warning in summary.Warnings)
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] skipped {warning.Path}: {warning.Reason}");
        if (summary.Published) AnsiConsole.MarkupLineInterpolated($"Published snapshot {summary.SnapshotPath}");
        else AnsiConsole.MarkupLineInterpolated($"Index already up to date ({summary.SnapshotPath})");
    }
}
