using System.Text.RegularExpressions;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// deploy/prometheus/collab-alerts.yaml read just far enough for the tests: each alert's name
/// and PromQL expression (one line, or a <c>|</c> block under <c>expr:</c>).
/// </summary>
public static partial class AlertRuleFile
{
    public static string Directory => Path.Combine(RepoPaths.Root, "deploy", "prometheus");
    public static string RulesPath => Path.Combine(Directory, "collab-alerts.yaml");

    [GeneratedRegex(@"^(\s*)- alert:\s*(\S+)\s*$")]
    private static partial Regex AlertLine();

    [GeneratedRegex(@"^(\s*)expr:\s*(.*)$")]
    private static partial Regex ExprLine();

    public static IReadOnlyList<(string Alert, string Expr)> Alerts()
    {
        var lines = File.ReadAllLines(RulesPath);
        var alerts = new List<(string, string)>();
        string? alert = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (AlertLine().Match(lines[i]) is { Success: true } a) alert = a.Groups[2].Value;
            if (ExprLine().Match(lines[i]) is not { Success: true } e || alert is null) continue;
            var expr = e.Groups[2].Value.Trim();
            if (expr is "|" or "|-" or ">")
            {
                var indent = e.Groups[1].Value.Length;
                var block = new List<string>();
                while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent))
                    block.Add(lines[++i].Trim());
                expr = string.Join(" ", block).Trim();
            }
            alerts.Add((alert, expr));
            alert = null;
        }
        return alerts;
    }
}
