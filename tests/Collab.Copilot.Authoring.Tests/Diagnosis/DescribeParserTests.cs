using Collab.Copilot.Authoring.Diagnosis;
using Collab.Copilot.Authoring.Diagnosis.Describe;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>
/// The structure of pasted <c>kubectl describe</c> / <c>kubectl get events</c> output, and how it feeds the
/// diagnosis: healthy condition rows are no evidence, declared ports and probes are facts, long lines keep
/// the part that shows the cause.
/// </summary>
public sealed class DescribeParserTests
{
    private const string Pod = """
        Name:         search-api-66f8c5d9b-kq2vm
        Containers:
          api:
            Image:          ghcr.io/acme/search-api:4.2.0
            Port:           8000/TCP
            Host Port:      0/TCP
            State:          Waiting
              Reason:       CrashLoopBackOff
            Last State:     Terminated
              Reason:       Error
              Exit Code:    137
            Ready:          False
            Restart Count:  3
            Liveness:       http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3
          sidecar:
            Image:          envoyproxy/envoy:v1.31
            Ports:          9901/TCP, 10000/TCP
            Readiness:      tcp-socket :10000 delay=0s timeout=1s period=10s #success=1 #failure=3
        Conditions:
          Type              Status
          Initialized       True
          Ready             False
        Events:
          Type     Reason     Age                From     Message
          ----     ------     ----               ----     -------
          Normal   Pulled     2m (x4 over 5m)    kubelet  Container image "ghcr.io/acme/search-api:4.2.0" already present on machine
          Warning  Unhealthy  10s (x6 over 80s)  kubelet  Liveness probe failed: Get "http://10.244.2.31:8080/healthz": dial tcp 10.244.2.31:8080: connect: connection refused
        """;

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    [Fact]
    public void Containers_carry_state_last_state_exit_code_ports_and_probes()
    {
        var parsed = DescribeParser.Parse(Lines(Pod));
        Assert.Equal(["api", "sidecar"], parsed.Containers.Select(c => c.Name));
        var api = parsed.Containers[0];
        Assert.Equal(("Waiting", "CrashLoopBackOff"), (api.State, api.StateReason));
        Assert.Equal(("Terminated", "Error", 137), (api.LastState, api.LastStateReason, api.ExitCode));
        Assert.Equal([8000], api.Ports.Select(p => p.Port));
        Assert.Equal(("Liveness", 8080), (api.Probes.Single().Kind, api.Probes.Single().Port));
        var sidecar = parsed.Containers[1];
        Assert.Equal([9901, 10000], sidecar.Ports.Select(p => p.Port));
        Assert.Equal(10000, sidecar.Probes.Single().Port);
    }

    [Fact]
    public void Events_rows_have_type_reason_source_and_message()
    {
        var parsed = DescribeParser.Parse(Lines(Pod));
        Assert.Equal(2, parsed.Events.Count);
        var warning = parsed.Events.Single(e => e.IsWarning);
        Assert.Equal(("Unhealthy", "kubelet"), (warning.Reason, warning.Source));
        Assert.StartsWith("Liveness probe failed", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Lines(Pod).ToList().FindIndex(l => l.Contains("Warning  Unhealthy")) + 1, warning.Line);
    }

    [Fact]
    public void Get_events_rows_are_read_with_their_object()
    {
        var parsed = DescribeParser.Parse(Lines("""
            LAST SEEN   TYPE      REASON    OBJECT                    MESSAGE
            3m4s        Warning   Evicted   pod/render-5b7f9-8kwhx    The node was low on resource: ephemeral-storage.
            2m58s       Normal    SuccessfulCreate   replicaset/render-5b7f9   Created pod: render-5b7f9-r2q9d
            """));
        Assert.Equal(["Evicted", "SuccessfulCreate"], parsed.Events.Select(e => e.Reason));
        Assert.Equal("pod/render-5b7f9-8kwhx", parsed.Events[0].Source);
    }

    [Fact]
    public void A_condition_row_is_a_problem_only_when_its_status_says_so()
    {
        var parsed = DescribeParser.Parse(Lines("""
            Conditions:
              Type             Status   Reason                       Message
              MemoryPressure   False    KubeletHasSufficientMemory   kubelet has sufficient memory available
              DiskPressure     True     KubeletHasDiskPressure       kubelet has disk pressure
              PIDPressure      Unknown  NodeStatusUnknown            Kubelet stopped posting node status.
              Ready            Unknown  NodeStatusUnknown            Kubelet stopped posting node status.
              Initialized      True
            """));
        Assert.Equal(
            [("MemoryPressure", false), ("DiskPressure", true), ("PIDPressure", false), ("Ready", true), ("Initialized", false)],
            parsed.Conditions.Select(c => (c.Type, c.ReportsProblem)));
    }

    [Fact]
    public void Healthy_condition_rows_are_no_evidence_of_the_problem_they_deny()
    {
        var result = ErrorDiagnoser.Diagnose("""
            Conditions:
              Type             Status    Reason                       Message
              MemoryPressure   Unknown   NodeStatusUnknown            Kubelet stopped posting node status.
              DiskPressure     Unknown   NodeStatusUnknown            Kubelet stopped posting node status.
              Ready            Unknown   NodeStatusUnknown            Kubelet stopped posting node status.
            """);
        Assert.Equal("node-not-ready", result.Primary!.Id);
        Assert.DoesNotContain(result.Matches, m => m.Id is "memory-eviction" or "ephemeral-storage-eviction" or "no-space-left");
        // The pressure is real when the row says True.
        Assert.Equal("ephemeral-storage-eviction", ErrorDiagnoser.Diagnose("""
            Conditions:
              Type             Status  Reason                   Message
              DiskPressure     True    KubeletHasDiskPressure   kubelet has disk pressure
            """).Primary!.Id);
    }

    [Fact]
    public void A_kubelet_condition_message_is_the_condition_not_a_scheduler_reason()
    {
        var result = ErrorDiagnoser.Diagnose("""
            Conditions:
              Type             Status  Reason                         Message
              MemoryPressure   True    KubeletHasInsufficientMemory   kubelet has insufficient memory available
              Ready            True    KubeletReady                   kubelet is posting ready status
            """);
        Assert.Equal("memory-eviction", result.Primary!.Id);
        Assert.DoesNotContain(result.Matches, m => m.Id == "insufficient-memory");
        Assert.Contains(result.Primary.QuotedLines, q => q.Text.Contains("KubeletHasInsufficientMemory", StringComparison.Ordinal));
    }

    [Fact]
    public void A_probe_on_a_port_the_container_does_not_declare_is_a_port_mismatch_naming_both_ports()
    {
        var result = ErrorDiagnoser.Diagnose(Pod);
        var primary = result.Primary!;
        Assert.Equal("probe-port-mismatch", primary.Id);
        Assert.Contains("8080", primary.Cause);
        Assert.Contains("8000", primary.Cause);
        Assert.Contains(primary.QuotedLines, q => q.Text.StartsWith("Port:", StringComparison.Ordinal));
        Assert.Contains(primary.QuotedLines, q => q.Text.StartsWith("Liveness:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_probe_on_a_declared_port_is_no_mismatch()
    {
        var result = ErrorDiagnoser.Diagnose(Pod.Replace("Port:           8000/TCP", "Port:           8080/TCP", StringComparison.Ordinal));
        Assert.NotEqual("probe-port-mismatch", result.Primary!.Id);
    }

    [Fact]
    public void A_long_line_is_quoted_with_the_part_that_shows_the_cause()
    {
        var image = "harbor.corp.example/reports/web:1.3.0";
        var line = $"  Warning  Failed  18s (x2 over 39s)  kubelet  Failed to pull image \"{image}\": rpc error: code = Unknown desc = failed to pull and unpack image \"{image}\": failed to resolve reference \"{image}\": failed to do request: Head \"https://harbor.corp.example/v2/reports/web/manifests/1.3.0\": tls: failed to verify certificate: x509: certificate signed by unknown authority";
        var primary = ErrorDiagnoser.Diagnose(line).Primary!;
        Assert.Equal("registry-x509", primary.Id);
        var quote = primary.QuotedLines.Single().Text;
        Assert.StartsWith("Warning  Failed", quote, StringComparison.Ordinal);
        Assert.Contains("x509: certificate signed by unknown authority", quote, StringComparison.Ordinal);
        Assert.True(quote.Length < line.Length);
    }
}
