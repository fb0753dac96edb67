using System.Text.Json.Nodes;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// The notebook interop tests only prove the layout of the JupyterLab in use if their peer runs
/// that JupyterLab's <c>@jupyter/ydoc</c>: JupyterLab 4.5.11 (what the extension targets and the
/// browser tests assemble) resolves <c>@jupyter/ydoc</c> 3.5.0.
/// </summary>
[Trait("Needs", "Node")]
public class JupyterLabYdocVersionTests
{
    private const string JupyterLabYdoc = "3.5.0";

    [Fact]
    public void The_interop_peer_runs_the_ydoc_of_the_JupyterLab_the_extension_targets()
    {
        var root = YjsPeer.RepoRoot();
        JsonNode Read(params string[] path) => JsonNode.Parse(File.ReadAllText(Path.Combine([root, .. path])))!;

        Assert.Equal(JupyterLabYdoc, (string?)Read("tests", "interop", "node_modules", "@jupyter", "ydoc", "package.json")["version"]);
        Assert.Equal(JupyterLabYdoc, (string?)Read("clients", "test-support", "jupyterlab-app", "package.json")["dependencies"]!["@jupyter/ydoc"]);
        Assert.Equal("^" + JupyterLabYdoc, (string?)Read("clients", "packages", "jupyterlab-collab", "package.json")["dependencies"]!["@jupyter/ydoc"]);
        Assert.Equal("~" + JupyterLabYdoc, (string?)Read("clients", "packages", "jupyterlab-collab", "core-meta", "package.json")["dependencies"]!["@jupyter/ydoc"]);
    }
}
