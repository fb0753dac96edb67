using Collab.Copilot.Authoring.Diagnosis;
using Xunit.Abstractions;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

public sealed class ErrorDiagnosisTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_pasted_error_gets_its_signature_with_quotes_commands_and_a_doc()
    {
        var cases = CaseFiles.Load<ErrorCase>("errors.yaml");
        Assert.True(cases.Count(c => c.Expect is not null) >= 45);
        PassRate.Run(output, "pasted errors", cases, c => c.Name, c =>
        {
            var result = ErrorDiagnoser.Diagnose(c.Paste);
            if (c.Expect is null)
            {
                PassRate.That(!result.IsKnown, $"expected unknown, got {result.Primary?.Id}");
                PassRate.That(result.Summary.Contains("not a known error signature"), "summary does not say it is unknown");
                return;
            }
            PassRate.That(result.Primary?.Id == c.Expect, $"primary {result.Primary?.Id ?? "none"} (all: {string.Join(", ", result.Matches.Select(m => m.Id))})");
            foreach (var a in c.Also) PassRate.That(result.Matches.Any(m => m.Id == a), $"{a} not among matches");
            var primary = result.Primary!;
            PassRate.That(primary.QuotedLines.Count > 0 && primary.QuotedLines.All(q => c.Paste.Replace("\r\n", "\n").Split('\n').Length >= q.Line), "no quoted lines");
            PassRate.That(primary.Commands.Count > 0 && primary.Signature.Doc.StartsWith("docs-corpus/"), "no commands or doc");
        });
    }

    [Fact]
    public void Catalog_has_at_least_45_distinct_signatures()
    {
        Assert.True(SignatureCatalog.All.Count >= 45);
        Assert.Equal(SignatureCatalog.All.Count, SignatureCatalog.All.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Commands_are_filled_with_names_from_a_describe_paste()
    {
        var result = ErrorDiagnoser.Diagnose("Name:         trainer-abc12\nNamespace:    team-ml\nLast State:   Terminated\n  Reason:     OOMKilled\n  Exit Code:  137\n");
        Assert.Equal("oom-killed", result.Primary!.Id);
        Assert.Contains("kubectl describe pod trainer-abc12 -n team-ml", result.Primary.Commands);
    }

    [Fact]
    public void Quoted_lines_are_redacted()
    {
        var result = ErrorDiagnoser.Diagnose("botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Assert.DoesNotContain("wJalrXUtnFEMI", string.Join("\n", result.Primary!.QuotedLines.Select(q => q.Text)));
    }
}
