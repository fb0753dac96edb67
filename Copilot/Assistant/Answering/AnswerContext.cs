using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Hosting;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Notebooks;
using Collab.Copilot.Assistant.Routing;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>Everything one answer is built from, and what it collects on the way (its sources and mode).</summary>
internal sealed class AnswerContext(
    CopilotRequest request,
    RoutedRequest routed,
    AnswerLanguage language,
    Kernel kernel,
    IChatClient? model,
    CopilotAnswerOptions options,
    NotebookSnapshot? notebook)
{
    public CopilotRequest Request { get; } = request;
    public RoutedRequest Routed { get; } = routed;
    public AnswerLanguage Language { get; } = language;
    public Kernel Kernel { get; } = kernel;
    public IChatClient? Model { get; } = model;
    public CopilotAnswerOptions Options { get; } = options;
    public NotebookSnapshot? Notebook { get; } = notebook;
    public AnswerMode Mode { get; set; } = AnswerMode.Deterministic;
    public List<Citation> Citations { get; } = [];

    /// <summary>Adds a source (once) and returns its marker number.</summary>
    public int Cite(string path, string anchor, string heading)
    {
        var existing = Citations.FirstOrDefault(c => c.Path == path && c.Anchor == anchor);
        if (existing is not null) return existing.Number;
        var citation = new Citation(Citations.Count + 1, path, anchor, heading);
        Citations.Add(citation);
        return citation.Number;
    }

    /// <summary>Calls a plugin function through the kernel.</summary>
    public async Task<T> CallAsync<T>(string plugin, string function, KernelArguments arguments, CancellationToken ct) =>
        (await Kernel.InvokeAsync<T>(plugin, function, arguments, ct))!;
}
