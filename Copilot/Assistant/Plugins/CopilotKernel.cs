using Collab.Copilot.Assistant.Notebooks;
using Collab.Indexer.Retrieval;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Plugins;

/// <summary>
/// Builds the Semantic Kernel that holds the copilot's plugins. The router picks the function
/// deterministically (a tiny or absent model must not decide which tool runs), and every tool
/// call goes through the kernel, so filters and telemetry see the same calls in both modes.
/// </summary>
public static class CopilotKernel
{
    /// <summary>A kernel with the docs, manifests, dockerfiles, errors and notebook plugins.</summary>
    public static Kernel Create(IDocumentRetriever retriever, INotebookContextSource? notebooks)
    {
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddFromObject(new DocsSearchPlugin(retriever), DocsSearchPlugin.Name);
        builder.Plugins.AddFromObject(new ManifestPlugin(), ManifestPlugin.Name);
        builder.Plugins.AddFromObject(new DockerfilePlugin(), DockerfilePlugin.Name);
        builder.Plugins.AddFromObject(new ErrorDiagnosisPlugin(), ErrorDiagnosisPlugin.Name);
        builder.Plugins.AddFromObject(new NotebookContextPlugin(notebooks), NotebookContextPlugin.Name);
        return builder.Build();
    }
}
