using Collab.Copilot.Authoring.Redaction;
using Xunit.Abstractions;

namespace Collab.Copilot.Authoring.Tests.Redaction;

public sealed class SecretRedactorTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_secret_is_redacted_and_the_rest_of_the_paste_survives()
    {
        var cases = CaseFiles.Load<RedactionCase>("redaction.yaml");
        PassRate.Run(output, "redaction", cases, c => c.Name, c =>
        {
            var result = SecretRedactor.Redact(c.Input);
            foreach (var s in c.Secrets) PassRate.That(!result.Text.Contains(s), $"secret {s} survived: {result.Text}");
            foreach (var k in c.Kinds) PassRate.That(result.Redactions.Any(r => r.Kind == k), $"kind {k} not reported (got {string.Join(", ", result.Redactions.Select(r => r.Kind))})");
            foreach (var k in c.Keep) PassRate.That(result.Text.Contains(k), $"\"{k}\" was removed: {result.Text}");
            if (c.Secrets.Count == 0) PassRate.That(!result.HasRedactions, $"false positive: {result.Text}");
        });
    }
}
