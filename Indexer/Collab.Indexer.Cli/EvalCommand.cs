using System.CommandLine;
using Collab.Indexer.Evaluation;
using Collab.Indexer.Hosting;
using Collab.Indexer.Ingestion;
using Collab.Indexer.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Collab.Indexer.Cli;

/// <summary>
/// <c>eval --corpus &lt;dir&gt; --questions &lt;jsonl&gt;</c>: indexes the corpus, runs the questions against our
/// retrieval and the whole-file baseline, and ends with the one line scripts check.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Corpus root; gold paths are relative to it.", Required = true };
        var questions = new Option<FileInfo>("--questions") { Description = "JSON lines with `question` and `gold`.", Required = true };
        var index = new Option<string?>("--index", "-i") { Description = "Index folder to (re)build and use (default: a temporary folder)." };
        var command = new Command("eval", "Measure Recall@1/5/10, MRR and query latency against a plain baseline.") { corpus, questions, index };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var corpusPath = parse.GetValue(corpus)!.FullName;
            var questionSet = EvalQuestion.ReadJsonLines(parse.GetValue(questions)!.FullName);
            var indexPath = parse.GetValue(index);
            var temporary = indexPath is null ? Directory.CreateTempSubdirectory("collab-eval-").FullName : null;
            try
            {
                using var services = IndexerServices.Build(indexPath ?? temporary);
                var summary = await IndexCommand.BuildWithProgressAsync(services.GetRequiredService<IndexBuilder>(), corpusPath, cancellationToken);
                IndexCommand.Print(summary);

                var extensions = services.GetRequiredService<IOptions<IndexerOptions>>().Value.FileExtensions;
                using var baseline = new WholeFileBaseline(corpusPath, extensions);
                var report = await RetrievalEvaluator.EvaluateAsync(services.GetRequiredService<IDocumentRetriever>(), baseline, questionSet, cancellationToken);
                Print(report);
                Console.WriteLine(report.SummaryLine);
                return 0;
            }
            finally
            {
                if (temporary is not null) Directory.Delete(temporary, recursive: true);
            }
        });
        return command;
    }

    private static void Print(EvalReport report)
    {
        var table = new Table().AddColumns("retrieval", "Recall@1", "Recall@5", "Recall@10", "MRR");
        table.AddRow("ours", F(report.Ours.RecallAt1), F(report.Ours.RecallAt5), F(report.Ours.RecallAt10), F(report.Ours.Mrr));
        table.AddRow("baseline (StandardAnalyzer, whole files)", F(report.Baseline.RecallAt1), F(report.Baseline.RecallAt5), F(report.Baseline.RecallAt10), F(report.Baseline.Mrr));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{report.Outcomes.Count} questions; query latency p50 {report.P50Milliseconds:0.00} ms, p95 {report.P95Milliseconds:0.00} ms");

        foreach (var outcome in report.Outcomes)
        {
            var missed = outcome.Question.Gold.Where(g => !outcome.Ranked.Take(5).Contains(g)).ToList();
            foreach (var gold in missed)
            {
                var rank = outcome.Ranked.ToList().IndexOf(gold);
                var baselineRank = outcome.BaselineRanked.ToList().IndexOf(gold);
                Console.WriteLine($"not in top 5: {outcome.Question.Id ?? outcome.Question.Question} {gold} (ours: {Rank(rank)}, baseline: {Rank(baselineRank)})");
            }
        }
    }

    private static string Rank(int index) => index < 0 ? "beyond 10" : $"#{index + 1}";

    private static string F(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
