namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>One logical line of a Dockerfile: an instruction with its continuation lines joined, or a comment/blank line kept as written.</summary>
internal sealed record DockerfileInstruction(string Keyword, string Arguments, int Line, string Raw, int Stage)
{
    public bool IsInstruction => Keyword.Length > 0;

    /// <summary>Renders an instruction after a fix; long <c>&amp;&amp;</c> chains are wrapped one command per line.</summary>
    public static string Format(string keyword, string arguments)
    {
        if (keyword != "RUN" || arguments.Length < 80 || !arguments.Contains("&&")) return $"{keyword} {arguments}";
        var parts = arguments.Split("&&").Select(p => p.Trim());
        return "RUN " + string.Join(" \\\n    && ", parts);
    }
}
