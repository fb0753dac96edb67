using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Hosting;
using Collab.Copilot.Assistant.Notebooks;
using Collab.Indexer.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>Builds a copilot over a retriever and collects whole answers.</summary>
public static class CopilotHarness
{
    public static CopilotAssistant Create(IDocumentRetriever retriever, IChatClient? model = null,
        INotebookContextSource? notebooks = null, ILoggerFactory? logs = null, CopilotAnswerOptions? options = null) =>
        new(retriever, Options.Create(options ?? new CopilotAnswerOptions()),
            (logs ?? LoggerFactory.Create(_ => { })).CreateLogger<CopilotAssistant>(), notebooks, model);

    public static async Task<CollectedAnswer> AskAsync(this ICopilot copilot, string question, string? notebook = null, string? cellId = null,
        CancellationToken ct = default)
    {
        var events = new List<CopilotEvent>();
        await foreach (var e in copilot.AskAsync(new CopilotRequest("alpha", "ada", question, notebook, cellId), ct)) events.Add(e);
        return new CollectedAnswer(events);
    }
}
