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
        if (asked.WantsDotnet) dockerfile = Dotnet(asked, notes);
        else if (Regex.IsMatch(text, @"\bollama\b")) dockerfile = Ollama(asked, notes);
        else if (asked.WantsR) dockerfile = ScientificDockerfiles.R(asked, notes);
        else if (asked.WantsConda) dockerfile = ScientificDockerfiles.Micromamba(asked, notes, files);
        else if (Regex.IsMatch(text, @"\bjulia\b|\bproject\.toml\b")) dockerfile = Julia(asked, notes);
        else if (Regex.IsMatch(text, @"\b(go|golang)\b")) dockerfile = Go(asked, notes);
        else if (Regex.IsMatch(text, @"\brust\b|\bcargo\b")) dockerfile = Rust(asked, notes);
        else if (Regex.IsMatch(text, @"\b(java|spring|maven|jvm)\b")) dockerfile = Java(asked, notes);
        else if (Regex.IsMatch(text, @"\b(node(\.?js)?|npm|react|vite|next\.?js|typescript|express)\b")) dockerfile = Node(asked, notes);
        else if (Regex.IsMatch(text, @"\b(static site|static files|nginx)\b")) dockerfile = StaticSite(asked, notes);
        else if (Regex.IsMatch(text, @"\bvllm\b")) dockerfile = Vllm(asked, notes);
        else if (Regex.IsMatch(text, @"\btriton\b")) dockerfile = Triton(asked, notes);
        else if (Regex.IsMatch(text, @"\b(cuda|gpu|pytorch|torch|tensorflow)\b")) dockerfile = Gpu(asked, notes, files);
        else if (asked.WantsJupyter) dockerfile = Jupyter(asked, notes, files);
        else dockerfile = Python(asked, notes, files);
        dockerfile = WithStatedImage(WithBuildArgs(dockerfile, asked), asked, notes);
        return new DockerfileDraft(dockerfile, files, notes, DockerfileLinter.Lint(dockerfile));
    }

    /// <summary>
    /// The build arguments the words name ("build arg VERSION"), declared after the first FROM so every
    /// RUN of that stage can read them; one the draft already declares is left as it is.
    /// </summary>
    private static string WithBuildArgs(string dockerfile, DockerfileRequest asked)
    {
        var missing = asked.BuildArgs.Where(a => !Regex.IsMatch(dockerfile, $@"^ARG {a.Name}\b", RegexOptions.Multiline)).ToList();
        if (missing.Count == 0) return dockerfile;
        var from = Regex.Match(dockerfile, @"^FROM [^\n]*\n", RegexOptions.Multiline);
        var lines = string.Concat(missing.Select(a => a.Default is null ? $"ARG {a.Name}\n" : $"ARG {a.Name}={a.Default}\n"));
        return dockerfile.Insert(from.Index + from.Length, "\n" + lines);
    }
}
