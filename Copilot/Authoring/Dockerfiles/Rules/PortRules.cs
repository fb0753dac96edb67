using System.Text.RegularExpressions;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>
/// CDF028: the final stage EXPOSEs a port its CMD/ENTRYPOINT does not listen on (<c>--port 8000</c>,
/// <c>--bind 0.0.0.0:8000</c>, <c>-p 8080</c>), so a Service or <c>-P</c> built from the image points
/// at a closed port. The fix exposes the port the command serves.
/// </summary>
internal sealed partial class ExposedPortRule : IStageRule
{
    [GeneratedRegex(@"(?:--port|--server\.port|--http-port|(?<![\w-])-p)(?:=|\s+)(?<port>\d{2,5})\b|(?:--bind|(?<![\w-])-b|--listen|--host-port)(?:=|\s+)\S*:(?<port>\d{2,5})\b|\b0\.0\.0\.0:(?<port>\d{2,5})\b")]
    private static partial Regex ListenPort();

    /// <summary>The port a command line listens on, or null.</summary>
    public static int? ListenPortOf(string command) => ListenPort().Match(command) is { Success: true } m ? int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan)
    {
        if (FinalStage.Of(scan) is not { } final) yield break;
        var exposes = final.Instructions.Where(i => i.Keyword == "EXPOSE").ToList();
        var start = final.Instructions.LastOrDefault(i => i.Keyword == "CMD") ?? final.Instructions.LastOrDefault(i => i.Keyword == "ENTRYPOINT");
        if (exposes.Count == 0 || start is null) yield break;
        var command = Words(final.Instructions.Where(i => i.Keyword is "ENTRYPOINT" or "CMD").Select(i => i.Arguments));
        if (ListenPort().Match(command) is not { Success: true } m) yield break;
        var port = m.Groups["port"].Value;
        var exposed = exposes.SelectMany(e => e.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => p.Split('/')[0]).ToList();
        if (exposed.Contains(port) || exposed.Any(p => p.StartsWith('$'))) yield break;
        var only = exposes.Count == 1 && exposed.Count == 1 ? exposes[0] : null;
        yield return Issue(FindingSeverity.Warning, ExposedPortMismatch, exposes[0],
            $"EXPOSE {string.Join(" ", exposed)} is not the port the command listens on ({port}); a Service or published port built from it reaches nothing.",
            $"EXPOSE {port}, or make the command listen on the exposed port.",
            only is null ? null : () => DockerfileEdit.Replace(scan.All, only, $"EXPOSE {port}"), $"exposed port {port}");
    }

    // Exec form ["uvicorn", "--port", "8000"] read as the words it runs.
    private static string Words(IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Select(a => a.TrimStart().StartsWith('[') ? a.Replace("\"", " ").Replace(",", " ").Trim('[', ']', ' ') : a));
}
