using System.Runtime.CompilerServices;
using System.Text;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Plugins;
using Collab.Copilot.Assistant.Prompts;
using Collab.Copilot.Assistant.Safety;
using Collab.Indexer.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>
/// Documentation answers. With a model: retrieve (with English queries rewritten from other
/// languages), then generate from the passages only, streamed through <see cref="OutputGuard"/>.
/// Without one: the best passages quoted with headings and sources, said plainly to be retrieved text.
/// </summary>
internal static class DocsAnswerer
{
    public static async IAsyncEnumerable<CopilotEvent> AnswerAsync(AnswerContext context, string question,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var generative = context.Model is not null;
        context.Mode = generative ? AnswerMode.Generated : AnswerMode.Extractive;
        var wanted = generative ? context.Options.PassagesPerAnswer : context.Options.ExtractivePassages;
        var queries = await QueriesAsync(context, question, ct);
        var passages = await RetrieveAsync(context, queries, wanted, ct);
        if (passages.Count == 0)
        {
            yield return new AnswerTextChunk(Phrases.NoPassages(context.Language) + "\n");
            yield break;
        }
        var events = generative ? GenerateAsync(context, question, passages, ct) : Quote(context, passages).ToAsyncEnumerable();
        await foreach (var e in events.WithCancellation(ct)) yield return e;
    }

    /// <summary>The question itself (the retriever rewrites other languages into English terms), plus the model's English rewrites.</summary>
    private static async Task<IReadOnlyList<string>> QueriesAsync(AnswerContext context, string question, CancellationToken ct)
    {
        var queries = new List<string> { question };
        if (context.Model is null || context.Language == AnswerLanguage.English) return queries;
        var options = new ChatOptions { MaxOutputTokens = 96, Temperature = 0f, AdditionalProperties = Fairness(context) };
        var reply = await context.Model.GetResponseAsync(QueryRewritePrompt.Build(question, context.Language), options, ct);
        // The rewrites go first: they match the English index better than the original words.
        queries.InsertRange(0, QueryRewritePrompt.Parse(reply.Text));
        return queries;
    }

    /// <summary>Searches each query and interleaves the results, one passage per source.</summary>
    private static async Task<IReadOnlyList<DocumentHit>> RetrieveAsync(AnswerContext context, IReadOnlyList<string> queries, int wanted, CancellationToken ct)
    {
        var lists = new List<IReadOnlyList<DocumentHit>>();
        foreach (var query in queries)
            lists.Add(await context.CallAsync<IReadOnlyList<DocumentHit>>(DocsSearchPlugin.Name, "search",
                new KernelArguments { ["query"] = query, ["k"] = wanted }, ct));
        var merged = new List<DocumentHit>();
        for (var rank = 0; merged.Count < wanted && lists.Any(l => rank < l.Count); rank++)
            foreach (var list in lists)
                if (rank < list.Count && merged.Count < wanted && merged.All(h => h.Citation != list[rank].Citation))
                    merged.Add(list[rank]);
        return merged;
    }

    private static IEnumerable<CopilotEvent> Quote(AnswerContext context, IReadOnlyList<DocumentHit> passages)
    {
        yield return new AnswerTextChunk($"_{Phrases.RetrievedNotice(context.Language)}_\n\n");
        foreach (var hit in passages)
        {
            var number = context.Cite(hit.Path, hit.Anchor, Heading(hit));
            var text = new StringBuilder();
            text.Append($"**[{number}] {Heading(hit)}**\n");
            foreach (var line in Excerpt(hit.Text, context.Options.MaxQuotedChars).Split('\n')) text.Append("> ").Append(line).Append('\n');
            text.Append($"\n{Phrases.Of(Phrase.Source, context.Language)}: `{hit.Citation}`\n\n");
            yield return new AnswerTextChunk(text.ToString());
        }
    }

    private static async IAsyncEnumerable<CopilotEvent> GenerateAsync(AnswerContext context, string question, IReadOnlyList<DocumentHit> passages,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var hit in passages) context.Cite(hit.Path, hit.Anchor, Heading(hit));
        var trimmed = passages.Select(h => h with { Text = Excerpt(h.Text, context.Options.MaxPassageChars) }).ToList();
        var block = DataBlock.Create();
        var messages = GroundingPrompt.Build(question, trimmed, NotebookText.Render(context), context.Language, block);
        var guard = new OutputGuard(GroundingPrompt.ProtectedLines(context.Language), block);
        var options = new ChatOptions
        {
            MaxOutputTokens = context.Options.MaxAnswerTokens,
            Temperature = 0.2f,
            AdditionalProperties = Fairness(context),
        };
        await foreach (var update in context.Model!.GetStreamingResponseAsync(messages, options, ct))
        {
            var text = guard.Push(update.Text);
            if (text.Length > 0) yield return new AnswerTextChunk(text);
            if (guard.Tripped) yield break;
        }
        var rest = guard.Flush();
        yield return new AnswerTextChunk(rest + "\n");
    }

    /// <summary>The passage cut at a line boundary near <paramref name="max"/>, with an unclosed code fence closed.</summary>
    private static string Excerpt(string text, int max)
    {
        var body = text.Trim();
        if (body.Length > max)
        {
            var cut = body.LastIndexOf('\n', max);
            body = body[..(cut > max / 2 ? cut : max)].TrimEnd() + "\n…";
        }
        var fences = body.Split('\n').Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        return fences % 2 == 1 ? body + "\n```" : body;
    }

    private static string Heading(DocumentHit hit) => hit.HeadingPath.Count > 0 ? string.Join(" › ", hit.HeadingPath) : hit.Title;

    private static AdditionalPropertiesDictionary Fairness(AnswerContext context) => new() { ["user"] = context.Request.UserId };
}
