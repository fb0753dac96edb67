using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>CDF001/CDF002: a base image without a tag, or on :latest; the fix pins a known tag.</summary>
internal sealed class UnpinnedBaseRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "FROM") yield break;
        var tokens = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--")).ToList();
        if (tokens.Count == 0) yield break;
        var image = tokens[0];
        if (scan.IsStage(image, i.Line) || image.Equals("scratch", StringComparison.OrdinalIgnoreCase) || image.Contains('$')) yield break;
        var reference = ImageReference.Parse(image);
        if (reference.IsPinned) yield break;
        var pinned = KnownImages.Pin(image);
        var latest = reference.Tag is not null;
        yield return Issue(FindingSeverity.Warning, latest ? LatestBase : UntaggedBase, i,
            latest ? $"Base image {image} uses :latest, so builds are not reproducible." : $"Base image {image} has no tag (means :latest).",
            pinned is null ? "Pin a version tag (or digest) of an official image." : $"Use {pinned}.",
            pinned is null ? null : () => DockerfileEdit.Replace(scan.All, i, "FROM " + i.Arguments.Replace(image, pinned)), $"pinned {image} to {pinned}");
    }
}
