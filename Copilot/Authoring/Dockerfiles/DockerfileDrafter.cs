using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>
/// Drafts Dockerfiles from words on official base images with pinned tags, a numeric non-root
/// user, caches cleaned in the same layer, and a build stage when code is compiled. Drafts lint clean.
/// </summary>
public static partial class DockerfileDrafter
{
    private const RegexOptions I = RegexOptions.IgnoreCase;

    /// <summary>Drafts a Dockerfile for <paramref name="request"/>.</summary>
    public static DockerfileDraft Draft(string request)
    {
        var notes = new List<Note>();
        var files = new Dictionary<string, string>();
        var asked = new DockerfileRequest(request);
        var text = asked.Lower;
        string dockerfile;
        if (asked.WantsR) dockerfile = ScientificDockerfiles.R(asked, notes);
        else if (asked.WantsConda) dockerfile = ScientificDockerfiles.Micromamba(asked, notes, files);
        else if (Regex.IsMatch(text, @"\bjulia\b|\bproject\.toml\b")) dockerfile = Julia(asked, notes);
        else if (Regex.IsMatch(text, @"\b(go|golang)\b")) dockerfile = Go(asked, notes);
        else if (Regex.IsMatch(text, @"\brust\b|\bcargo\b")) dockerfile = Rust(asked, notes);
        else if (Regex.IsMatch(text, @"\b(java|spring|maven|jvm)\b")) dockerfile = Java(asked, notes);
        else if (Regex.IsMatch(text, @"\b(node(\.?js)?|npm|react|vite|next\.?js|typescript|express)\b")) dockerfile = Node(asked, notes);
        else if (Regex.IsMatch(text, @"\b(static site|static files|nginx)\b")) dockerfile = StaticSite(notes);
        else if (Regex.IsMatch(text, @"\b(cuda|gpu|pytorch|torch|tensorflow)\b")) dockerfile = Gpu(asked, notes, files);
        else if (asked.WantsJupyter) dockerfile = Jupyter(asked, notes, files);
        else dockerfile = Python(asked, notes, files);
        return new DockerfileDraft(dockerfile, files, notes, DockerfileLinter.Lint(dockerfile));
    }
}
