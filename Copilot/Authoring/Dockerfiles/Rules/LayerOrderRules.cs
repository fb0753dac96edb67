using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>
/// CDF027: a stage copies the whole build context (<c>COPY . …</c>) before it installs dependencies, so
/// every code change invalidates the install layer and reinstalls everything. The fix copies the
/// dependency files first, installs, then copies the rest.
/// </summary>
internal sealed class DependenciesAfterCopyAllRule : IStageRule
{
    // The installers that read a dependency file, and the files they read (a captured group names it).
    private static readonly (Regex Command, string Files)[] Installers =
    [
        (new(@"\bpip3?\s+install\b.*?(?:-r|--requirement)[\s=]+(?<file>\S+)"), ""),
        (new(@"\bnpm\s+(?:ci|install|i)\b"), "package*.json"),
        (new(@"\byarn(?:\s+install)?(?:\s+--\S+)*\s*(?:$|&&)"), "package.json yarn.lock"),
        (new(@"\bpnpm\s+(?:install|i)\b"), "package.json pnpm-lock.yaml"),
        (new(@"\bgo\s+mod\s+download\b"), "go.mod go.sum"),
        (new(@"\bpoetry\s+install\b"), "pyproject.toml poetry.lock"),
        (new(@"\buv\s+sync\b"), "pyproject.toml uv.lock"),
        (new(@"\bbundle\s+install\b"), "Gemfile Gemfile.lock"),
        (new(@"\bcomposer\s+install\b"), "composer.json composer.lock"),
        (new(@"\b(?:micromamba|mamba|conda)\s+(?:env\s+(?:create|update)|install|create)\b.*?\s-f\s+(?<file>\S+)"), ""),
        (new(@"renv::restore"), "renv.lock"),
        (new(@"\bmvn\b.*\bdependency:go-offline\b"), "pom.xml"),
    ];

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan)
    {
        foreach (var stage in scan.Instructions.GroupBy(i => i.Stage))
        {
            var list = stage.ToList();
            var copyAll = list.FirstOrDefault(i => i.Keyword is "COPY" or "ADD" && CopiesContext(i.Arguments));
            if (copyAll is null) continue;
            foreach (var run in list.Where(i => i.Keyword == "RUN" && i.Line > copyAll.Line))
            {
                if (Installer(run.Arguments) is not { } read) continue;
                var dest = Destination(copyAll.Arguments);
                var files = InContext(read, dest);
                // Dependency files copied before the whole context: the install layer is already cached apart.
                var copiedBefore = list.Where(i => i.Keyword is "COPY" or "ADD" && i.Line < copyAll.Line).Select(i => i.Arguments).ToList();
                if (files.Split(' ').Any(f => copiedBefore.Any(c => c.Contains(f.Split('*')[0], StringComparison.Ordinal)))) break;
                var adjacent = !list.Any(i => i.Line > copyAll.Line && i.Line < run.Line);
                yield return Issue(FindingSeverity.Warning, DependenciesAfterCopyAll, copyAll,
                    $"The whole build context is copied before the dependencies are installed (line {run.Line}), so every code change reinstalls them.",
                    $"Copy {files} first, install, then COPY the rest.",
                    adjacent ? () => Reorder(scan.All, copyAll, run, $"COPY {files} {(dest.EndsWith('/') ? dest : dest + "/")}") : null,
                    $"copied {files} and installed before copying the rest");
                break;
            }
        }
    }

    private static bool CopiesContext(string arguments)
    {
        var tokens = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--", StringComparison.Ordinal)).ToList();
        return tokens.Count >= 2 && tokens.SkipLast(1).Any(t => t is "." or "./");
    }

    private static string Destination(string arguments) => arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

    // A file the install reads at its path in the image (/app/requirements.txt after COPY . /app) is copied from its path in the context.
    private static string InContext(string files, string dest) =>
        string.Join(' ', files.Split(' ').Select(f => f.StartsWith('/') ? f.StartsWith(dest.TrimEnd('/') + "/", StringComparison.Ordinal) ? f[(dest.TrimEnd('/').Length + 1)..] : Path.GetFileName(f) : f));

    private static string? Installer(string command)
    {
        foreach (var (regex, files) in Installers)
            if (regex.Match(command) is { Success: true } m)
                return m.Groups["file"].Success ? m.Groups["file"].Value : files;
        return null;
    }

    // The dependency files and the install go where the COPY of the whole context was; that COPY follows them.
    private static string Reorder(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction copyAll, DockerfileInstruction run, string copyFiles)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var i in all)
        {
            if (ReferenceEquals(i, run)) continue;
            if (ReferenceEquals(i, copyAll)) sb.Append(copyFiles).Append('\n').Append(run.Raw).Append('\n');
            sb.Append(i.Raw).Append('\n');
        }
        return sb.ToString();
    }
}
