namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>One Dockerfile lint finding.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="RuleId">Rule id, <c>CDF001</c>… (see <see cref="DockerfileRules"/>).</param>
/// <param name="Line">1-based line where the instruction starts.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record DockerfileFinding(FindingSeverity Severity, string RuleId, int Line, string Message, string Fix)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {RuleId} line {Line}: {Message} Fix: {Fix}";
}
