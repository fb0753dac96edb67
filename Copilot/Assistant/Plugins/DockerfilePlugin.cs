using System.ComponentModel;
using Collab.Copilot.Authoring.Dockerfiles;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Plugins;

/// <summary>Semantic Kernel plugin over the Dockerfile drafter, linter and fixer.</summary>
public sealed class DockerfilePlugin
{
    /// <summary>Kernel plugin name.</summary>
    public const string Name = "dockerfiles";

    /// <summary>Drafts a Dockerfile from words.</summary>
    [KernelFunction("draft"), Description("Drafts a Dockerfile on pinned official base images from a request in words.")]
    public DockerfileDraft Draft([Description("The request in words")] string request) => DockerfileDrafter.Draft(request);

    /// <summary>Lints a Dockerfile.</summary>
    [KernelFunction("lint"), Description("Lints a Dockerfile; each finding has its line and fix.")]
    public DockerfileLintResult Lint([Description("The Dockerfile")] string dockerfile) => DockerfileLinter.Lint(dockerfile);

    /// <summary>Fixes a Dockerfile, with a diff.</summary>
    [KernelFunction("fix"), Description("Auto-fixes a Dockerfile and returns the fixed text with a unified diff.")]
    public DockerfileFixResult Fix([Description("The Dockerfile")] string dockerfile) => DockerfileFixer.Fix(dockerfile);
}
