using System.Text.RegularExpressions;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// The metric names a PromQL expression reads: identifiers that are not functions, aggregation
/// keywords or label names (inside <c>{...}</c> or <c>by (...)</c>/<c>without (...)</c>).
/// </summary>
public static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords =
        ["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan"];

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"(?<![a-zA-Z0-9_:.])(?>[a-zA-Z_:][a-zA-Z0-9_:]*)(?!\s*\()")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex Strings();

    public static IReadOnlyList<string> Of(string expression)
    {
        var text = Strings().Replace(expression, " ");
        text = LabelMatchers().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        return Identifier().Matches(text).Select(m => m.Value)
            .Where(name => !Keywords.Contains(name.ToLowerInvariant()) && !char.IsDigit(name[0]))
            .Distinct().ToList();
    }
}
