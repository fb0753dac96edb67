using System.Text;
using Xunit.Abstractions;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>Pass rates per case class and language, printed as a Markdown table (the one in docs/copilot-quality.md).</summary>
internal sealed class ClassRates
{
    private readonly List<(string Class, string Split, string Lang, string Case, string? Failure)> _results = [];

    public void Run<T>(string caseClass, string split, IEnumerable<T> cases, Func<T, string> lang, Func<T, string> name, Action<T> check)
    {
        foreach (var c in cases)
        {
            string? failure = null;
            try { check(c); }
            catch (Exception ex) { failure = ex.Message; }
            _results.Add((caseClass, split, lang(c), name(c), failure));
        }
    }

    public double Rate(string caseClass, string split)
    {
        var rows = _results.Where(r => r.Class == caseClass && r.Split == split).ToList();
        return rows.Count == 0 ? 1 : (double)rows.Count(r => r.Failure is null) / rows.Count;
    }

    public void Print(ITestOutputHelper output)
    {
        var langs = new[] { "en", "hr", "cs", "ca", "it", "de" };
        var table = new StringBuilder("| class | split | " + string.Join(" | ", langs) + " | all |\n|---|---|" + string.Concat(langs.Select(_ => "---|")) + "---|\n");
        foreach (var group in _results.GroupBy(r => (r.Class, r.Split)))
        {
            string Cell(IEnumerable<(string Class, string Split, string Lang, string Case, string? Failure)> rows) =>
                rows.Any() ? $"{rows.Count(r => r.Failure is null)}/{rows.Count()}" : "–";
            table.Append($"| {group.Key.Class} | {group.Key.Split} | ")
                .Append(string.Join(" | ", langs.Select(l => Cell(group.Where(r => r.Lang == l)))))
                .Append($" | {Cell(group)} ({100.0 * group.Count(r => r.Failure is null) / group.Count():F0}%) |\n");
        }
        output.WriteLine(table.ToString());
        foreach (var f in _results.Where(r => r.Failure is not null))
            output.WriteLine($"  FAIL [{f.Class}/{f.Split}/{f.Lang}] {f.Case}: {f.Failure}");
    }
}
