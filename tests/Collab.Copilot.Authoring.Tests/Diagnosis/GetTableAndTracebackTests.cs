using Collab.Copilot.Authoring.Diagnosis;
using Collab.Copilot.Authoring.Diagnosis.Describe;
using Collab.Copilot.Authoring.Diagnosis.Traces;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>
/// Shapes read by structure since set H (issue 19): `kubectl get` tables, `get events -o wide` rows, JSON and
/// logfmt records with escaped quotes, a container's current "Completed" state, and chained Python tracebacks.
/// </summary>
public sealed class GetTableAndTracebackTests
{
    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    [Fact]
    public void Get_pods_rows_carry_name_status_ready_and_restarts_and_say_whether_they_are_healthy()
    {
        var rows = GetTableReader.Read(Lines("""
            $ kubectl get pods -n etl
            NAME                       READY   STATUS                  RESTARTS      AGE
            loader-7d9b8c6f5-lm3np     0/1     Init:CrashLoopBackOff   6 (93s ago)   8m
            api-6b8c9d7f5-4kz2n        1/1     Running                 0             6d
            sync-29412-7xk9p           0/1     Completed               0             3h
            gateway-6f7d9c8b5-q2wxl    1/2     Running                 5 (61s ago)   19m
            """));

        Assert.Equal(["loader-7d9b8c6f5-lm3np", "api-6b8c9d7f5-4kz2n", "sync-29412-7xk9p", "gateway-6f7d9c8b5-q2wxl"], rows.Select(r => r.Name));
        Assert.Equal("Init:CrashLoopBackOff", rows[0].Status);
        Assert.Equal("6 (93s ago)", rows[0].Restarts);
        Assert.Equal([false, true, true, false], rows.Select(r => r.IsHealthy));
    }

    [Fact]
    public void Get_nodes_and_pvc_rows_are_read_too()
    {
        var rows = GetTableReader.Read(Lines("""
            NAME      STATUS     ROLES    AGE    VERSION
            cpu-w04   Ready      <none>   212d   v1.30.5
            cpu-w11   NotReady   <none>   212d   v1.30.5
            """));

        Assert.Equal([("cpu-w04", "Ready", true), ("cpu-w11", "NotReady", false)], rows.Select(r => (r.Name, r.Status, r.IsHealthy)));
    }

    [Fact]
    public void Healthy_table_rows_and_the_wide_event_columns_are_no_evidence()
    {
        var lines = Lines("""
            NAME                 READY   STATUS    RESTARTS   AGE
            oom-checker-5d8f     1/1     Running   0          2d
            LAST SEEN   TYPE      REASON   OBJECT             SUBOBJECT            SOURCE             MESSAGE                                             FIRST SEEN   COUNT   NAME
            58s         Warning   Failed   pod/api-74b9c8d6   spec.containers{api}   kubelet, cpu-w02   failed to resolve reference "r.lab/api:v2": not found   4m           5       api-74b9c8d6.18a3b4c5d6e7f809
            """);
        var parsed = DescribeParser.Parse(lines);
        var view = DescribeParser.EvidenceView(lines, parsed);

        Assert.Equal("", view[1].Trim());
        Assert.EndsWith(": not found", view[3].TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(lines[3].Length, view[3].Length);
    }

    [Fact]
    public void Escaped_quotes_of_a_json_record_read_as_quotes_and_keep_the_line_length()
    {
        var lines = Lines("""{"level":"error","error":"Get \"https://minio:9000/\": x509: certificate has expired"}""");
        var view = DescribeParser.EvidenceView(lines, DescribeParser.Parse(lines));

        Assert.Contains("Get  \"https://minio:9000/ \":", view[0], StringComparison.Ordinal);
        Assert.Equal(lines[0].Length, view[0].Length);
    }

    [Fact]
    public void A_current_state_completed_is_no_evidence_but_a_last_state_completed_of_a_restarting_container_is()
    {
        const string Restarting = """
            Containers:
              importer:
                State:          Waiting
                  Reason:       CrashLoopBackOff
                Last State:     Terminated
                  Reason:       Completed
                  Exit Code:    0
                Restart Count:  7
            """;
        const string Finished = """
            Init Containers:
              fetch:
                State:          Terminated
                  Reason:       Completed
                  Exit Code:    0
                Restart Count:  0
            Containers:
              main:
                State:          Waiting
                  Reason:       CrashLoopBackOff
                Last State:     Terminated
                  Reason:       Error
                  Exit Code:    1
                Restart Count:  4
            """;

        Assert.Equal("container-exits-zero", ErrorDiagnoser.Diagnose(Restarting).Primary?.Id);
        Assert.DoesNotContain(ErrorDiagnoser.Diagnose(Finished).Matches, m => m.Id == "container-exits-zero");
    }

    [Fact]
    public void Only_a_traceback_that_was_being_handled_is_context()
    {
        var handled = TracebackReader.HandledLines(Lines("""
            Traceback (most recent call last):
              File "a.py", line 1, in <module>
            KeyError: 'x'

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "a.py", line 3, in <module>
            ValueError: bad
            """));
        var caused = TracebackReader.HandledLines(Lines("""
            Traceback (most recent call last):
              File "a.py", line 1, in <module>
            KeyError: 'x'

            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
            ValueError: bad
            """));

        Assert.Equal([1, 2, 3, 4], handled.Order());
        Assert.Empty(caused);
    }

    [Fact]
    public void The_exception_raised_while_handling_another_is_the_diagnosis()
    {
        const string Paste = """
            Traceback (most recent call last):
              File "/app/fetch.py", line 12, in load
                return requests.get(URL, timeout=5).json()
            socket.gaierror: [Errno -3] Temporary failure in name resolution

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "/app/fetch.py", line 15, in load
                return json.loads(Path("/cache/model.json").read_text())
            PermissionError: [Errno 13] Permission denied: '/cache/model.json'
            """;

        var result = ErrorDiagnoser.Diagnose(Paste);

        Assert.Equal("permission-denied", result.Primary?.Id);
        Assert.Contains(result.Matches, m => m.Id == "dns-resolution-failed");
    }

    [Fact]
    public void A_get_pods_table_names_the_pod_in_the_commands()
    {
        var result = ErrorDiagnoser.Diagnose("""
            NAME                                 READY   STATUS       RESTARTS   AGE
            feature-store-redis-0                1/1     Running      0          3d
            feature-store-api-7d9b8c6f5-lm3np    0/1     Init:Error   2          2m13s
            """);

        Assert.Equal("init-container-failed", result.Primary?.Id);
        Assert.Contains(result.Primary!.Commands, c => c.Contains("feature-store-api-7d9b8c6f5-lm3np", StringComparison.Ordinal));
    }
}
