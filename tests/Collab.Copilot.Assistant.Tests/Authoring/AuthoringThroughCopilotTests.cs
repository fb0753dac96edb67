using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Collab.Copilot.Authoring.Diagnosis;
using Collab.Copilot.Authoring.Dockerfiles;
using Collab.Copilot.Authoring.Manifests;

namespace Collab.Copilot.Assistant.Tests.Authoring;

/// <summary>Manifests, Dockerfiles and diagnoses asked of the copilot come out clean under our own validator and linter.</summary>
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class AuthoringThroughCopilotTests(DocsIndexFixture index)
{
    [Theory]
    [InlineData("@copilot draft a Job that trains on one GPU and mounts my dataset PVC", "Job")]
    [InlineData("a Job that trains on one A100 MIG slice with my dataset PVC, in the team queue", "Job")]
    [InlineData("write a Deployment running nginx with 2 replicas and a Service on port 8080", "Deployment")]
    [InlineData("create a StatefulSet for postgres with 10Gi of storage", "StatefulSet")]
    [InlineData("generate a CronJob that backs up my data every night at 2am", "CronJob")]
    [InlineData("make a PVC called datasets of 50Gi", "PersistentVolumeClaim")]
    public async Task Drafted_manifests_pass_validation(string request, string kind)
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(request);

        Assert.Equal(CopilotIntent.ManifestDraft, answer.Final.Intent);
        var yaml = Assert.Single(answer.Code("yaml")).Code;
        Assert.Contains($"kind: {kind}", yaml);
        var validation = ManifestValidator.Validate(yaml);
        Assert.True(validation.IsValid, string.Join('\n', validation.Findings));
        if (!validation.IsClean) Assert.Contains("Our validation still reports", answer.Text);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task A_model_spec_that_drops_stated_values_gets_them_back_from_the_request()
    {
        // The model writes one replica, default name and no Service type; the request stated all three.
        var model = new ScriptedChatClient("""{"kind":"Deployment","name":"app","image":"redis:7.4-alpine","replicas":1,"ports":[6379]}""");
        var answer = await CopilotHarness.Create(index.Retriever, model).AskAsync("redis named cache with 3 replicas and a NodePort service, nodePort 30379");

        Assert.Equal(CopilotIntent.ManifestDraft, answer.Final.Intent);
        var yaml = Assert.Single(answer.Code("yaml")).Code;
        Assert.Contains("name: cache", yaml);
        Assert.Contains("replicas: 3", yaml);
        Assert.Contains("type: NodePort", yaml);
        Assert.Contains("nodePort: 30379", yaml);
        Assert.DoesNotContain("Not as you asked", answer.Text);
    }

    [Fact]
    public async Task A_stated_value_that_cannot_be_honoured_is_named_in_the_answer()
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync("NodePort service on port 8080 with nodePort 40000");

        Assert.Equal(CopilotIntent.ManifestDraft, answer.Final.Intent);
        Assert.Contains("Not as you asked", answer.Text);
        Assert.Contains("nodePort: asked 40000", answer.Text);
        Assert.Contains("outside the range", answer.Text);
    }

    [Fact]
    public async Task Pasted_manifest_is_validated_and_fixed_with_a_diff()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: train
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: train
                      image: pytorch/pytorch:latest
                      resources:
                        limits:
                          nvidia.com/gpu: 1
                      securityContext:
                        privileged: true
            """;
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync($"@copilot check my manifest\n```yaml\n{yaml}\n```");

        Assert.Equal(CopilotIntent.ManifestCheck, answer.Final.Intent);
        Assert.Contains("spec.template.spec.containers[0]", answer.Text);
        var fixedYaml = answer.Code("yaml").Single().Code;
        Assert.True(ManifestValidator.Validate(fixedYaml).IsValid || answer.Text.Contains("Still needs your input"));
        Assert.Single(answer.Code("diff"));
    }

    [Theory]
    [InlineData("Dockerfile with CUDA 12.6 and PyTorch")]
    [InlineData("CUDA 12.6 with PyTorch and JupyterLab, for the GPU nodes, write a Dockerfile")]
    [InlineData("Dockerfile for a Python 3.12 FastAPI service")]
    [InlineData("Dockerfile that builds a Go binary")]
    public async Task Drafted_dockerfiles_lint_clean(string request)
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(request);

        Assert.Equal(CopilotIntent.DockerfileDraft, answer.Final.Intent);
        var dockerfile = answer.Code("dockerfile").Single().Code;
        Assert.True(DockerfileLinter.Lint(dockerfile).IsClean, string.Join('\n', DockerfileLinter.Lint(dockerfile).Findings));
    }

    [Fact]
    public async Task Pasted_dockerfile_is_linted_and_fixed()
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(
            "@copilot lint this\n```dockerfile\nFROM ubuntu:latest\nRUN apt-get update && apt-get install -y python3\nRUN cd /app && make\nENV API_TOKEN=abc\n```");

        Assert.Equal(CopilotIntent.DockerfileCheck, answer.Final.Intent);
        Assert.Contains("line 1", answer.Text);
        var fixedFile = answer.Code("dockerfile").Single().Code;
        Assert.DoesNotContain(":latest", fixedFile);
        Assert.Single(answer.Code("diff"));
    }

    [Theory]
    [InlineData("Back-off restarting failed container trainer in pod train-7xk2p_ml-team", "crash")]
    [InlineData("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 15.78 GiB total capacity)", "memory")]
    [InlineData("Warning  FailedScheduling  default-scheduler  0/4 nodes are available: 4 Insufficient nvidia.com/gpu.", "gpu")]
    [InlineData("Failed to pull image \"registry.example.org/ml/train:v3\": rpc error: code = NotFound", "pull")]
    public async Task Pasted_errors_get_a_cited_diagnosis(string paste, string idHint)
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(paste);

        Assert.Equal(CopilotIntent.ErrorDiagnosis, answer.Final.Intent);
        var expected = ErrorDiagnoser.Diagnose(paste).Primary!;
        Assert.Contains(expected.Id, answer.Text);
        Assert.Contains(idHint, expected.Id + expected.Signature.Title.ToLowerInvariant(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("**Cause:**", answer.Text);
        Assert.Single(answer.Code("bash"));
        var source = answer.Citations[0];
        Assert.True(DocAnchors.Exists(source.Path, source.Anchor), source.Reference);
    }
    [Fact]
    public async Task A_kind_that_cannot_be_drafted_is_said_plainly_in_the_askers_language_and_nothing_else_is_drafted()
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync("em pots fer una PriorityClass anomenada alta-prioritat amb valor 100000?");

        Assert.Equal(CopilotIntent.ManifestDraft, answer.Final.Intent);
        Assert.Contains("No puc fer un esborrany de PriorityClass", answer.Text);
        Assert.Empty(answer.Code("yaml"));
    }
}
