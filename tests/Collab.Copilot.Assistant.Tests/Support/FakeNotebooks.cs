using Collab.Copilot.Assistant.Notebooks;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>A notebook source holding one notebook, counting reads (it has no way to write).</summary>
public sealed class FakeNotebooks(params NotebookCellSnapshot[] cells) : INotebookContextSource
{
    public int Reads { get; private set; }

    public Task<NotebookSnapshot?> GetNotebookAsync(string projectId, string docName, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<NotebookSnapshot?>(new NotebookSnapshot(docName, cells));
    }
}
