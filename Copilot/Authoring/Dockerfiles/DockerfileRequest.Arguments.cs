using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>A build argument the words ask for: its name and, when stated, its default.</summary>
internal sealed record BuildArg(string Name, string? Default);

// What the request names for the image to run or take at build time: build arguments, a Hugging Face model, a Node entry file.
internal sealed partial record DockerfileRequest
{
    /// <summary>
    /// Build arguments: an upper-case name after a build-argument word ("build arg VERSION", "s build argumentom
    /// VERSION", "--build-arg GIT_SHA"), with a default when one follows ("= 1.0", "default 1.0", "per defecte 1.0");
    /// a build argument said to choose the Python version is PYTHON_VERSION, its default the version stated.
    /// </summary>
    public IReadOnlyList<BuildArg> BuildArgs
    {
        get
        {
            if (!BuildArgWord().IsMatch(Text)) return [];
            var named = NamedBuildArg().Matches(Text).Select(m => new BuildArg(m.Groups["name"].Value, m.Groups["default"].Success ? m.Groups["default"].Value : null)).DistinctBy(a => a.Name).ToList();
            if (named.Count == 0 && Regex.IsMatch(Text, @"\bpython\b", I))
                named.Add(new BuildArg("PYTHON_VERSION", Python ?? (DefaultValue().Match(Text) is { Success: true } d && Regex.IsMatch(d.Groups[1].Value, @"^3\.\d{1,2}$") ? d.Groups[1].Value : "3.12")));
            return named;
        }
    }

    /// <summary>The build argument that chooses the Python version, when the words ask for one.</summary>
    public BuildArg? PythonVersionArg => BuildArgs.FirstOrDefault(a => a.Name == "PYTHON_VERSION");

    /// <summary>A Hugging Face model id the words name ("meta-llama/Llama-3.1-8B-Instruct"), or null.</summary>
    public string? HuggingFaceModel => HubModel().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The file Node runs, as the words name it ("node index.js", "node dist/main.mjs"), or null.</summary>
    public string? NodeEntry => NodeFile().Match(Text) is { Success: true } m ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;

    [GeneratedRegex(@"build[\s\-_]?arg\w*|\bARG\b|argument\w*\s+(?:de\s+|di\s+|für\s+|pro\s+|za\s+)?(?:construcció|build|compilazione|sestavení|izgradnj\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex BuildArgWord();

    [GeneratedRegex(@"\b(?:default|per defecte|di default|por defecto|standardmäßig|výchozí\w*|zadano|zadana|po defaultu)\s*[:=]?\s*([\w.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultValue();

    [GeneratedRegex(@"(?:build[\s\-_]?arg\w*|\bARG|argument\w*)\s+(?:[\p{L}]+\s+){0,2}?(?<name>[A-Z][A-Z0-9_]{1,40})\b(?:\s*(?:=|\(?(?:default|per defecte|di default|standard\w*|výchozí|zadano|por defecto)\s*:?)\s*(?<default>[\w.\-]+))?")]
    private static partial Regex NamedBuildArg();

    // org/name with a letter in each part, not a path (no leading slash) nor an image reference (no tag, no registry dot).
    [GeneratedRegex(@"(?<![\w./:-])([A-Za-z][\w\-]*/[A-Za-z0-9][\w.\-]*[\w])(?![\w/:])")]
    private static partial Regex HubModel();

    [GeneratedRegex(@"\bnode\s+((?:[\w\-]+/)*[\w\-]+\.(?:m?js|cjs))\b|(?<![\w./-])((?:[\w\-]+/)+[\w\-]+\.(?:m?js|cjs))\b")]
    private static partial Regex NodeFile();
}
