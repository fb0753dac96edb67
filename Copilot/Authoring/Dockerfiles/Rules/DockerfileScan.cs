namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>A parsed Dockerfile as the rules see it: every line, the instructions, and the stage names (<c>FROM … AS name</c>).</summary>
internal sealed class DockerfileScan
{
    private readonly List<(string Alias, int Line)> _aliases = [];

    private DockerfileScan(IReadOnlyList<DockerfileInstruction> all)
    {
        All = all;
        Instructions = all.Where(i => i.IsInstruction).ToList();
        foreach (var from in Instructions.Where(i => i.Keyword == "FROM"))
        {
            var tokens = from.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--")).ToList();
            if (tokens.Count >= 3 && tokens[1].Equals("AS", StringComparison.OrdinalIgnoreCase)) _aliases.Add((tokens[2], from.Line));
        }
    }

    /// <summary>Every line (comments and blank lines too), which rewrites need.</summary>
    public IReadOnlyList<DockerfileInstruction> All { get; }

    /// <summary>The instructions only.</summary>
    public IReadOnlyList<DockerfileInstruction> Instructions { get; }

    public static DockerfileScan Of(string text) => new(DockerfileParser.Parse(text));

    /// <summary>True when <paramref name="name"/> is a stage named by a FROM before <paramref name="line"/> (null: anywhere in the file).</summary>
    public bool IsStage(string name, int? line = null) =>
        _aliases.Any(a => a.Alias.Equals(name, StringComparison.OrdinalIgnoreCase) && (line is null || a.Line < line));

    /// <summary>An issue at <paramref name="at"/>; with a rewrite, <paramref name="how"/> (or the fix) says what the rewrite did.</summary>
    public static DockerfileIssue Issue(FindingSeverity severity, string rule, DockerfileInstruction at, string message, string fix, Func<string>? rewrite = null, string? how = null) =>
        new(new DockerfileFinding(severity, rule, at.Line, message, fix), rewrite, rewrite is null ? null : how ?? fix);
}

/// <summary>A rule over one instruction at a time (it picks the instructions it is about).</summary>
internal interface IInstructionRule
{
    IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction at);
}

/// <summary>A rule over the stages of the whole file.</summary>
internal interface IStageRule
{
    IEnumerable<DockerfileIssue> Check(DockerfileScan scan);
}
