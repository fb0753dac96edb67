using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>
/// Compares a drafted Dockerfile with what the request stated — the base family and its version
/// (CUDA, Python, R, micromamba), the final stage's image, the dependency file, the port — before the answer is given, so
/// a requirement the draft could not keep is named instead of silently replaced.
/// </summary>
public static class DockerfileDraftChecker
{
    /// <summary>The stated requirements <paramref name="dockerfile"/> does not carry.</summary>
    public static IReadOnlyList<UnhonouredSlot> Check(string request, string dockerfile)
    {
        var asked = new DockerfileRequest(request);
        // A base chosen by a build argument (FROM python:${PYTHON_VERSION}-slim) is read with the argument's default.
        var defaults = Regex.Matches(dockerfile, @"^ARG\s+(\w+)=(\S+)", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var froms = Regex.Matches(dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline)
            .Select(m => Regex.Replace(m.Groups[1].Value, @"\$\{?(\w+)\}?", v => defaults.GetValueOrDefault(v.Groups[1].Value, v.Value))).ToList();
        var bases = string.Join(", ", froms);
        var missing = new List<UnhonouredSlot>();
        void Expect(string slot, string? stated, bool ok, string found) { if (stated is not null && !ok) missing.Add(new(slot, stated, found)); }

        Expect("CUDA version", asked.Cuda, froms.Any(f => f.Contains("cuda" + asked.Cuda) || f.Contains("cuda:" + asked.Cuda)), bases);
        if (!asked.WantsR && !asked.WantsConda && asked.Cuda is null)
            Expect("Python version", asked.Python, froms.Any(f => f.StartsWith("python:" + asked.Python, StringComparison.Ordinal)), bases);
        Expect("R version", asked.WantsR ? asked.R : null, froms.Any(f => f.StartsWith("rocker/", StringComparison.Ordinal) && f.Contains(':' + asked.R)), bases);
        Expect("conda environment", asked.WantsConda ? "micromamba/conda" : null, froms.Any(f => f.Contains("micromamba") || f.Contains("conda")), bases);
        // "final image debian:12-slim": the last stage is the image that ships, whatever the build stages use.
        Expect("final image", asked.FinalBase, froms.LastOrDefault() is { } last && last.Contains(asked.FinalBase ?? "", StringComparison.OrdinalIgnoreCase), froms.LastOrDefault() ?? "none");
        foreach (var file in new[] { "environment.yml", "environment.yaml", "requirements.txt", "pyproject.toml" })
            Expect("dependency file", asked.Lower.Contains(file) ? file : null, dockerfile.Contains(file), "no mention of it");
        Expect("base image", asked.StatedBase, froms.Any(f => f.StartsWith(asked.StatedBase ?? "", StringComparison.Ordinal)), bases);
        Expect("user", asked.Uid, Regex.IsMatch(dockerfile, $@"^USER\s+{asked.Uid}\b", RegexOptions.Multiline), "another UID");
        Expect("WORKDIR", asked.Workdir, Regex.IsMatch(dockerfile, $@"^WORKDIR\s+{Regex.Escape(asked.Workdir ?? "")}\s*$", RegexOptions.Multiline), "another WORKDIR");
        Expect("port", asked.Port?.ToString(), Regex.IsMatch(dockerfile, $@"^EXPOSE\s+{asked.Port}\b", RegexOptions.Multiline), "another port");
        return missing;
    }
}
