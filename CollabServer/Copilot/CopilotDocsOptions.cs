namespace Collab.Server.Copilot;

/// <summary>The documentation the copilot answers from: configuration section <c>Copilot:Docs</c>.</summary>
public sealed class CopilotDocsOptions
{
    public const string Section = "Copilot:Docs";

    /// <summary>
    /// <c>Copilot:Docs:Path</c>: folder of Markdown pages indexed at start (into <c>Indexer:IndexPath</c>).
    /// Empty: the repository's <c>docs-corpus</c> when one is found above the app, else nothing is indexed
    /// at start (an index built with the Indexer CLI is still used).
    /// </summary>
    public string? Path { get; set; }

    /// <summary><c>Copilot:Docs:IndexOnStart</c>: (re)index the folder in the background at start; incremental, so cheap when unchanged.</summary>
    public bool IndexOnStart { get; set; }

    /// <summary>
    /// <c>Copilot:Docs:IndexOnFirstSearch</c>: when not indexed at start, (re)index on the copilot's first
    /// docs search; that search waits only when no index exists yet. Off: only an index built otherwise
    /// (the Indexer CLI, an earlier run) is used.
    /// </summary>
    public bool IndexOnFirstSearch { get; set; } = true;
}
