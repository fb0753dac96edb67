using System.ComponentModel;
using Collab.Copilot.Assistant.Notebooks;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Plugins;

/// <summary>Semantic Kernel plugin that reads (never writes) the asker's current notebook.</summary>
public sealed class NotebookContextPlugin(INotebookContextSource? source)
{
    /// <summary>Kernel plugin name.</summary>
    public const string Name = "notebook";

    /// <summary>The notebook's cells and outputs, or null when there is no such notebook or no source.</summary>
    [KernelFunction("read"), Description("Reads the cells and outputs of the user's current notebook (read-only).")]
    public async Task<NotebookSnapshot?> ReadAsync(
        [Description("Project id")] string projectId,
        [Description("Notebook name")] string notebook,
        CancellationToken cancellationToken = default) =>
        source is null ? null : await source.GetNotebookAsync(projectId, notebook, cancellationToken);
}
