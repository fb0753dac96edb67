using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>CDF022: the deprecated MAINTAINER; the fix writes the OCI authors label.</summary>
internal sealed class MaintainerRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "MAINTAINER") yield break;
        yield return Issue(FindingSeverity.Warning, Maintainer, i, "MAINTAINER is deprecated.", "Use LABEL org.opencontainers.image.authors=\"…\".",
            () => DockerfileEdit.Replace(scan.All, i, $"LABEL org.opencontainers.image.authors=\"{i.Arguments.Replace("\"", "'")}\""), "replaced MAINTAINER with a LABEL");
    }
}

/// <summary>CDF025: a relative WORKDIR depends on the one before it.</summary>
internal sealed class RelativeWorkdirRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i)
    {
        if (i.Keyword != "WORKDIR" || i.Arguments.StartsWith('/') || i.Arguments.StartsWith('$') || Regex.IsMatch(i.Arguments, @"^[A-Za-z]:")) yield break;
        yield return Issue(FindingSeverity.Warning, RelativeWorkdir, i, $"WORKDIR {i.Arguments} is relative; it depends on the WORKDIR before it.", "Use an absolute path.",
            () => DockerfileEdit.Replace(scan.All, i, $"WORKDIR /{i.Arguments.TrimStart('.', '/')}"), "made WORKDIR absolute");
    }
}
