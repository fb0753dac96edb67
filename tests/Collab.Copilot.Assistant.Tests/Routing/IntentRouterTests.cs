using Collab.Copilot.Assistant.Routing;

namespace Collab.Copilot.Assistant.Tests.Routing;

public sealed class IntentRouterTests
{
    [Theory]
    [InlineData("@copilot how do I request a GPU?", CopilotIntent.DocsQuestion)]
    [InlineData("What is the storage quota of a project volume?", CopilotIntent.DocsQuestion)]
    [InlineData("How do I create a Deployment?", CopilotIntent.DocsQuestion)]
    [InlineData("@copilot draft a Job that trains on one GPU and mounts my dataset PVC", CopilotIntent.ManifestDraft)]
    [InlineData("a Job that trains on one A100 MIG slice with my dataset PVC, in the team queue", CopilotIntent.ManifestDraft)]
    [InlineData("Write a Deployment for nginx with 2 replicas and a Service on port 8080", CopilotIntent.ManifestDraft)]
    [InlineData("generate a CronJob that runs every night at 2am", CopilotIntent.ManifestDraft)]
    [InlineData("@copilot Dockerfile with CUDA 12.6 and PyTorch", CopilotIntent.DockerfileDraft)]
    [InlineData("CUDA 12.6 with PyTorch and JupyterLab image, write me a Dockerfile for the GPU nodes", CopilotIntent.DockerfileDraft)]
    [InlineData("check my manifest", CopilotIntent.ManifestCheck)]
    [InlineData("Back-off restarting failed container trainer in pod train-7xk2p", CopilotIntent.ErrorDiagnosis)]
    [InlineData("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB", CopilotIntent.ErrorDiagnosis)]
    public void Routes_words(string text, CopilotIntent expected) => Assert.Equal(expected, IntentRouter.Route(text).Intent);

    [Fact]
    public void Pasted_manifest_goes_to_validation_with_the_yaml_as_paste()
    {
        var routed = IntentRouter.Route("@copilot check my manifest\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n```");
        Assert.Equal(CopilotIntent.ManifestCheck, routed.Intent);
        Assert.StartsWith("apiVersion: v1", routed.Paste);
    }

    [Fact]
    public void Unfenced_manifest_is_recognised()
    {
        var routed = IntentRouter.Route("what's wrong here?\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
        Assert.Equal(CopilotIntent.ManifestCheck, routed.Intent);
    }

    [Fact]
    public void Pasted_dockerfile_goes_to_lint()
    {
        var routed = IntentRouter.Route("@copilot is this ok?\n```\nFROM python:latest\nRUN pip install torch\nCMD [\"python\"]\n```");
        Assert.Equal(CopilotIntent.DockerfileCheck, routed.Intent);
        Assert.Contains("FROM python:latest", routed.Paste);
    }

    [Fact]
    public void Pasted_describe_output_goes_to_diagnosis()
    {
        var paste = "@copilot my pod won't start\n```\nName: train-0\nStatus: Pending\nEvents:\n  Warning  FailedScheduling  0/4 nodes are available: 4 Insufficient nvidia.com/gpu.\n```";
        var routed = IntentRouter.Route(paste);
        Assert.Equal(CopilotIntent.ErrorDiagnosis, routed.Intent);
        Assert.Contains("Insufficient nvidia.com/gpu", routed.Paste);
    }

    [Fact]
    public void Unknown_error_log_still_goes_to_diagnosis()
    {
        var routed = IntentRouter.Route("help\n```\nfoo.bar.Baz: frobnication failed with error 0x2a\n  at qux\n```");
        Assert.Equal(CopilotIntent.ErrorDiagnosis, routed.Intent);
    }
}
