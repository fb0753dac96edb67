using Collab.Copilot.Authoring.Diagnosis;
using Xunit.Abstractions;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>
/// Pasted errors with their questions in six languages: the primary diagnosis must be the most
/// specific one the paste shows, quoting the lines that show it; a paste with nothing recognisable
/// must be said to be unknown. Prints the pass rate per class and per language, for the set the
/// catalogue was developed against and for the held-out set (reported, not enforced).
/// </summary>
[Trait("Needs", "Corpus")]
public sealed class PastedErrorTests(ITestOutputHelper output)
{
    [Fact]
    public void Development_set_is_diagnosed_by_its_most_specific_evidence()
    {
        var failures = Report("development", "pasted-errors.yaml");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Held_out_set_is_reported()
    {
        var failures = Report("held-out", "pasted-errors-holdout.yaml");
        // Not tuned against, so not enforced case by case; a collapse would still show here.
        Assert.True(failures.Count <= 8, string.Join("\n", failures));
    }

    /// <summary>
    /// Set B (issue 19): pastes in the shapes real tools print, written before the diagnoser was changed
    /// for them; set C: written after those changes and never tuned against. The floors sit below the
    /// measured figures in docs/copilot-quality.md. Set E (fourth round) was measured before the describe parser and the
    /// catalogue changes made for it, so its floor, like B's, sits under figures reached by looking at its failures; so do set F (fifth round), set H (sixth round: JSON logs, `get` tables, journalctl, chained tracebacks) set I (seventh round: describe node conditions, webhook and quota refusals, ContainerStatusUnknown, WebSocket 403s) set J (eighth round: gpu-operator and container-runtime errors, ingress and cert-manager, Postgres, Jupyter's _xsrf refusal) and set M (ninth round: BuildKit output, kubectl apply refusals, kubectl without its API server, git and git-lfs in pods; each paste also bare).
    /// </summary>
    [Theory]
    [InlineData("held-out B", "pasted-errors-heldout-b.yaml", 0.95)]
    [InlineData("held-out C", "pasted-errors-heldout-c.yaml", 0.9)]
    [InlineData("held-out D", "pasted-errors-heldout-d.yaml", 0.9)]
    [InlineData("held-out E", "pasted-errors-heldout-e.yaml", 0.95)]
    [InlineData("held-out F", "pasted-errors-heldout-f.yaml", 0.95)]
    [InlineData("held-out H", "pasted-errors-heldout-h.yaml", 0.95)]
    [InlineData("held-out I", "pasted-errors-heldout-i.yaml", 0.95)]
    [InlineData("held-out J", "pasted-errors-heldout-j.yaml", 0.95)]
    [InlineData("held-out M", "pasted-errors-heldout-m.yaml", 0.95)]
    public void Held_out_sets_meet_their_floor(string set, string file, double floor)
    {
        var failures = Report(set, file);
        var total = CaseFiles.Load<PastedErrorCase>(file).Sum(c => c.Ask.Count);
        Assert.True(failures.Count <= total * (1 - floor), string.Join("\n", failures));
    }

    [Fact]
    public void Case_sets_are_large_enough_and_cover_every_language()
    {
        var all = CaseFiles.Load<PastedErrorCase>("pasted-errors.yaml").Concat(CaseFiles.Load<PastedErrorCase>("pasted-errors-holdout.yaml")).ToList();
        Assert.True(all.Sum(c => c.Ask.Count) >= 150);
        foreach (var language in new[] { "en", "hr", "cs", "ca", "it", "de" })
            Assert.True(all.Sum(c => c.Ask.ContainsKey(language) ? 1 : 0) >= 15, language);
    }

    private List<string> Report(string set, string file)
    {
        var cases = CaseFiles.Load<PastedErrorCase>(file);
        var outcomes = new List<(string Class, string Language, string? Failure)>();
        foreach (var c in cases)
            foreach (var (language, message) in c.Messages())
                outcomes.Add((c.Class, language, Check(c, message)));

        var passed = outcomes.Count(o => o.Failure is null);
        output.WriteLine($"{set}: {passed}/{outcomes.Count} passed ({100.0 * passed / outcomes.Count:F1}%)");
        foreach (var group in outcomes.GroupBy(o => o.Class).OrderBy(g => g.Key))
            output.WriteLine($"  class {group.Key,-12} {group.Count(o => o.Failure is null)}/{group.Count()}");
        foreach (var group in outcomes.GroupBy(o => o.Language).OrderBy(g => g.Key))
            output.WriteLine($"  language {group.Key,-4} {group.Count(o => o.Failure is null)}/{group.Count()}");
        var failures = outcomes.Where(o => o.Failure is not null).Select(o => $"{o.Class}/{o.Language}: {o.Failure}").ToList();
        foreach (var failure in failures) output.WriteLine("  FAIL " + failure);
        return failures;
    }

    private static string? Check(PastedErrorCase c, string message)
    {
        var result = ErrorDiagnoser.Diagnose(message);
        var leaked = c.Secrets.Where(s => result.RedactedText.Contains(s, StringComparison.Ordinal)
            || result.Matches.Any(m => m.QuotedLines.Any(q => q.Text.Contains(s, StringComparison.Ordinal)) || m.Facts.Values.Any(v => v.Contains(s, StringComparison.Ordinal)))).ToList();
        if (leaked.Count > 0) return $"{c.Name}: secret left redacted form: {leaked[0][..4]}…";
        if (c.Expect is null)
            return result.IsKnown ? $"{c.Name}: expected unknown, got {result.Primary!.Id}" : null;
        if (result.Primary?.Id != c.Expect)
            return $"{c.Name}: primary {result.Primary?.Id ?? "none"}, expected {c.Expect} (all: {string.Join(", ", result.Matches.Select(m => m.Id))})";
        var lines = message.Split('\n');
        if (result.Primary.QuotedLines.Count == 0 || result.Primary.QuotedLines.Any(q => q.Line > lines.Length || !lines[q.Line - 1].Contains(q.Text.TrimEnd('…')[..Math.Min(20, q.Text.Length)], StringComparison.Ordinal)))
            return $"{c.Name}: quoted lines are not lines of the paste";
        if (c.Evidence is { } evidence && !result.Primary.QuotedLines.Any(q => q.Text.Contains(evidence, StringComparison.OrdinalIgnoreCase)))
            return $"{c.Name}: the line showing \"{evidence}\" is not quoted (quoted: {string.Join(" | ", result.Primary.QuotedLines.Select(q => q.Text[..Math.Min(60, q.Text.Length)]))})";
        return null;
    }
}
