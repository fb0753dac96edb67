using System.CommandLine;
using Collab.Indexer.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Collab.Indexer.Cli;

/// <summary><c>query "&lt;text&gt;" [-k N]</c>: prints the best passages with their source and heading.</summary>
internal static class QueryCommand
{
    private const int SnippetLength = 400;

    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "A question, keywords or a pasted error." };
        var top = new Option<int>("-k") { Description = "Number of results.", DefaultValueFactory = _ => 5 };
        var index = new Option<string?>("--index", "-i") { Description = "Index folder (default: Indexer:IndexPath, else ./index)." };
        var command = new Command("query", "Search the index.") { text, top, index };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = IndexerServices.Build(parse.GetValue(index));
            var retriever = services.GetRequiredService<IDocumentRetriever>();
            var hits = await retriever.SearchAsync(parse.GetValue(text)!, Math.Max(1, parse.GetValue(top)), cancellationToken);
            if (hits.Count == 0)
            {
                AnsiConsole.MarkupLine("[yellow]No results[/] (is the index built? run `index <dir>` first).");
                return 1;
            }
            for (var i = 0; i < hits.Count; i++) Print(i + 1, hits[i]);
            return 0;
        });
        return command;
    }

    /// <summary>Plain lines, not wrapped to the terminal, so citations stay copyable and greppable.</summary>
    private static void Print(int rank, DocumentHit hit)
    {
        Console.WriteLine($"{rank}. {hit.Citation}  (score {hit.Score:0.000})");
        var headings = hit.HeadingPath.Count > 0 ? string.Join(" > ", hit.HeadingPath) : hit.Title;
        Console.WriteLine($"   {hit.Title} | {headings}");
        var snippet = hit.Text.ReplaceLineEndings(" ");
        if (snippet.Length > SnippetLength) snippet = snippet[..SnippetLength] + "...";
        Console.WriteLine($"   {snippet}");
        Console.WriteLine();
    }
}
