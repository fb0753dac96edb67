using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>The cases issue 19 names: the specific evidence in a paste decides, and the answer uses what the paste says.</summary>
public sealed class SpecificEvidenceTests
{
    [Fact]
    public void Exit_code_137_with_an_ephemeral_storage_eviction_is_the_eviction_not_an_oom()
    {
        var result = ErrorDiagnoser.Diagnose("""
            Last State:  Terminated
              Reason:    Error
              Exit Code: 137
            Events:
              Warning  Evicted  3m  kubelet  Pod ephemeral local storage usage exceeds the total limit of containers 4Gi.
            """);
        Assert.Equal("ephemeral-storage-eviction", result.Primary!.Id);
        Assert.Contains(result.Primary.QuotedLines, q => q.Text.Contains("ephemeral local storage"));
        Assert.Contains(result.Matches, m => m.Id == "oom-killed" && !m.Specific);
    }

    [Fact]
    public void Exit_code_137_alone_still_suggests_the_oom_killer()
    {
        Assert.Equal("oom-killed", ErrorDiagnoser.Diagnose("command terminated with exit code 137").Primary!.Id);
    }

    [Fact]
    public void A_probe_on_another_port_than_the_app_names_both_ports()
    {
        var result = ErrorDiagnoser.Diagnose("""
            INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)
              Warning  Unhealthy  10s (x9 over 90s)  kubelet  Liveness probe failed: Get "http://10.244.3.17:8080/healthz": dial tcp 10.244.3.17:8080: connect: connection refused
            """);
        var primary = result.Primary!;
        Assert.Equal("probe-port-mismatch", primary.Id);
        Assert.Contains("8080", primary.Cause);
        Assert.Contains("8000", primary.Cause);
        Assert.Contains(primary.QuotedLines, q => q.Text.Contains("Uvicorn running"));
    }

    [Fact]
    public void A_refused_probe_on_the_app_s_own_port_is_not_called_a_port_mismatch()
    {
        var result = ErrorDiagnoser.Diagnose("""
            listening on port 8080
            Liveness probe failed: Get "http://10.0.0.5:8080/healthz": dial tcp 10.0.0.5:8080: connect: connection refused
            """);
        Assert.NotEqual("probe-port-mismatch", result.Primary!.Id);
    }

    [Fact]
    public void X509_on_image_pull_points_at_the_node_s_registry_trust_not_the_image()
    {
        var result = ErrorDiagnoser.Diagnose("""
            Warning  Failed  15s  kubelet  Failed to pull image "harbor.corp.example/ml/jupyter:3.1": rpc error: code = Unknown desc = failed to pull and unpack image "harbor.corp.example/ml/jupyter:3.1": failed to do request: Head "https://harbor.corp.example/v2/ml/jupyter/manifests/3.1": tls: failed to verify certificate: x509: certificate signed by unknown authority
            """);
        var primary = result.Primary!;
        Assert.Equal("registry-x509", primary.Id);
        Assert.Contains("/etc/containerd/certs.d/harbor.corp.example/ca.crt", primary.Fix);
        Assert.Contains("node", primary.Cause);
    }
}
