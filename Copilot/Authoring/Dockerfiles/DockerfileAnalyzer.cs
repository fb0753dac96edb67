using Collab.Copilot.Authoring.Dockerfiles.Rules;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>
/// Runs every Dockerfile rule (one class per rule, in <c>Rules/</c>) over a parsed Dockerfile:
/// the instruction rules over each instruction in order, then the rules over whole stages.
/// </summary>
internal static class DockerfileAnalyzer
{
    // The order in which findings on the same line are listed.
    private static readonly IInstructionRule[] InstructionRules =
    [
        new UnpinnedBaseRule(),
        new AptCliRule(), new AptRecommendsRule(), new AptListsKeptRule(), new AptNoYesRule(), new AptUnpinnedRule(), new AptUpgradeRule(), new AptInstallWithoutUpdateRule(),
        new PipUnpinnedRule(), new PipCacheRule(), new ApkCacheRule(), new PipeWithoutPipefailRule(), new RemoteScriptRule(), new SudoRule(), new CdInRunRule(),
        new AddUrlRule(), new AddLocalRule(), new SecretFileRule(),
        new SecretEnvRule(), new SecretArgRule(),
        new MaintainerRule(), new RelativeWorkdirRule(),
    ];

    private static readonly IStageRule[] StageRules =
    [
        new RepeatedStartRule("CMD", DockerfileRules.MultipleCmd), new RepeatedStartRule("ENTRYPOINT", DockerfileRules.MultipleEntrypoint),
        new ShellFormRule(), new RootUserRule(), new NoHealthcheckRule(), new DependenciesAfterCopyAllRule(), new ExposedPortRule(),
        new RelativeDestinationRule(), new ArchiveUnpackedTwiceRule(), new RootCommandAfterUserRule(),
    ];

    public static IReadOnlyList<DockerfileIssue> Analyze(string text)
    {
        var scan = DockerfileScan.Of(text);
        var issues = scan.Instructions.SelectMany(i => InstructionRules.SelectMany(rule => rule.Check(scan, i)))
            .Concat(StageRules.SelectMany(rule => rule.Check(scan)));
        return issues.OrderBy(x => x.Finding.Line).ToList();
    }
}
