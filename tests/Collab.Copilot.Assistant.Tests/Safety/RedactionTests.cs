using Collab.Copilot.Assistant.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Collab.Copilot.Assistant.Tests.Safety;

/// <summary>Secrets in a paste never reach the answer (what chat history stores), the model, or the log.</summary>
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class RedactionTests(DocsIndexFixture index)
{
    private const string Password = "Sup3rS3cretPassw0rd!";
    private const string AwsKey = "AKIAIOSFODNN7EXAMPLE";
    private const string HfToken = "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";

    private static readonly string Paste =
        "@copilot my job fails\n```\n" +
        $"export HF_TOKEN={HfToken}\n" +
        $"AWS_ACCESS_KEY_ID={AwsKey}\n" +
        $"postgresql://trainer:{Password}@db.example.org:5432/runs\n" +
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n```";

    [Fact]
    public async Task Secrets_never_reach_the_answer_or_the_log()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var answer = await CopilotHarness.Create(index.Retriever, logs: factory).AskAsync(Paste);

        Assert.True(answer.Final.RedactedSecrets >= 2);
        foreach (var secret in new[] { Password, AwsKey, HfToken })
        {
            Assert.DoesNotContain(secret, answer.Rendered);
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret));
        }
        Assert.Contains("Known error", answer.Text);
    }

    [Fact]
    public async Task Secrets_never_reach_the_model()
    {
        var model = new EchoChatClient();
        var answer = await CopilotHarness.Create(index.Retriever, model).AskAsync("How do I set " + $"password={Password} for my S3 bucket access keys?");

        Assert.NotEmpty(model.Received);
        Assert.All(model.Received.SelectMany(m => m), m => Assert.DoesNotContain(Password, m.Text));
        Assert.DoesNotContain(Password, answer.Rendered);
    }

    [Fact]
    public async Task The_models_own_output_is_redacted_even_when_a_secret_straddles_its_tokens()
    {
        // A model that repeats (or invents) secrets: a token cut over three updates, a password
        // split from its name, and a private key streamed line by line.
        var model = new ScriptedChatClient(
            "Set it like this:\nexport HF_TOKEN=hf_edUStPK", "RCsTyQwbDwkNhF", "dnXsiVpzzFfkC\n",
            "and the database password: ", "Tr4in!ng-db-2024\n",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n", "AAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ\n",
            "-----END OPENSSH PRIVATE KEY-----\nThat is all.");
        var answer = await CopilotHarness.Create(index.Retriever, model).AskAsync("How do I set an access token for my S3 bucket?");

        foreach (var secret in new[] { "hf_edUStPK", "RCsTyQwbDwkNhF", "dnXsiVpzzFfkC", "Tr4in!ng-db-2024", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ", "AAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ" })
            Assert.DoesNotContain(secret, answer.Rendered);
        Assert.Contains("export HF_TOKEN=[REDACTED:huggingface-token]", answer.Text);
        Assert.Contains("[REDACTED:private-key]\nThat is all.", answer.Text);
        Assert.DoesNotContain("[REDACTED:[", answer.Text);
    }

    [Fact]
    public async Task An_answer_quoting_an_already_redacted_paste_keeps_single_markers()
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(Paste);

        Assert.DoesNotContain("[REDACTED:[", answer.Rendered);
        Assert.DoesNotContain("[REDACTED:url-password]]", answer.Rendered);
    }
}
