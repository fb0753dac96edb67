using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

public sealed class ArtefactDetectorTests
{
    [Theory]
    [InlineData("npm install fails in the image build\nnpm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fwidgets")]
    [InlineData("gyp fails\ngyp ERR! build error\ngyp ERR! stack Error: `make` failed with exit code: 2")]
    [InlineData("what now?\nnpm WARN deprecated request@2.88.2: request has been deprecated\nnpm ERR! code ERESOLVE")]
    public void Lines_a_tool_prefixes_with_an_upper_case_severity_are_a_pasted_log(string text)
    {
        var pasted = ArtefactDetector.Detect(text);

        Assert.True(pasted.IsMainlyError, string.Join(" | ", pasted.LogLines));
        Assert.DoesNotContain("ERR!", pasted.Words);
    }

    [Theory]
    [InlineData("my build error shows up only on the GPU nodes, why?")]
    [InlineData("pip error when installing torch in the notebook")]
    public void Prose_that_names_an_error_stays_the_question(string text)
    {
        var pasted = ArtefactDetector.Detect(text);

        Assert.Equal(text, pasted.Words);
        Assert.Empty(pasted.LogLines);
    }

    [Theory]
    [InlineData("django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin.0001_initial is applied before its dependency")]
    [InlineData("java.util.concurrent.TimeoutException: Futures timed out after [300 seconds]")]
    public void An_exception_qualified_by_its_module_is_a_pasted_error_whatever_its_class_is_called(string line)
    {
        var pasted = ArtefactDetector.Detect("what does this mean\n" + line);

        Assert.True(pasted.IsMainlyError);
        Assert.Equal("what does this mean", pasted.Words.Trim());
    }

    [Fact]
    public void Dotted_yaml_keys_and_prose_are_not_exceptions()
    {
        Assert.Empty(ArtefactDetector.Detect("spec.template.metadata: labels go here").LogLines);
        Assert.Empty(ArtefactDetector.Detect("e.g. Kueue: how do cohorts work?").LogLines);
    }

    [Theory]
    [InlineData("bumped the deps and now this\n$ go build ./...\npkg/score/gpu.go:47:9: undefined: framework.NodeScoreList")]
    [InlineData("uploader fails\ntime=\"2025-11-04T07:12:38Z\" level=error msg=\"upload failed\" error=\"dial tcp: lookup minio on 10.96.0.10:53: no such host\"")]
    [InlineData("did it install?\nNAME: minio\nLAST DEPLOYED: Tue Nov  4 14:02:31 2025\nSTATUS: deployed\nREVISION: 1")]
    [InlineData("apply refuses\n$ kubectl apply -f api.yaml\nservice/api unchanged\nThe Deployment \"api\" is invalid: spec.selector: Invalid value: x: field is immutable")]
    public void Terminal_output_is_a_pasted_log_by_its_shape(string text)
    {
        var pasted = ArtefactDetector.Detect(text);

        Assert.True(pasted.IsMainlyError, string.Join(" | ", pasted.LogLines));
        Assert.Equal(text.Split('\n')[0], pasted.Words.Trim());
    }

    [Theory]
    [InlineData("NOTE to self: the pvc must be 50gi")]
    [InlineData("a deployment with 3 replicas of ghcr.io/acme/api:1.2 on port 8080")]
    public void Prose_with_a_colon_or_a_slash_stays_the_request(string text)
    {
        Assert.Empty(ArtefactDetector.Detect(text).LogLines);
    }

    [Theory]
    [InlineData("uploads fail\n{\"level\":\"error\",\"ts\":1767340815.4,\"msg\":\"upload failed\",\"error\":\"dial tcp: lookup minio on 10.43.0.10:53: no such host\"}")]
    [InlineData("{\"time\":\"2026-03-06T12:02:19Z\",\"level\":\"ERROR\",\"msg\":\"consumer stopped\",\"err\":\"connect: connection refused\"}\nwhy does it stop?")]
    [InlineData("{\"@t\":\"2026-03-06T12:02:19Z\",\"@mt\":\"Queue {Queue} stopped\",\"@l\":\"Error\",\"@x\":\"System.Net.Sockets.SocketException: Connection refused\"}\nqueue keeps stopping")]
    [InlineData("rejected?\n{\"error\":{\"type\":\"circuit_breaking_exception\",\"reason\":\"[parent] Data too large\"},\"status\":429}")]
    public void A_json_log_record_is_a_pasted_log_not_a_request(string text)
    {
        var pasted = ArtefactDetector.Detect(text);

        Assert.True(pasted.IsMainlyError, string.Join(" | ", pasted.LogLines));
        Assert.DoesNotContain("{", pasted.Words);
    }

    [Theory]
    [InlineData("a json file {\"name\": \"x\"} for the config, please")]
    [InlineData("{\"name\": \"api\", \"replicas\": 3}")]
    public void Json_that_is_not_a_log_record_is_not_a_log(string text)
    {
        Assert.Empty(ArtefactDetector.Detect(text).LogLines);
    }
}
