using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>A message's text is diagnosed once however many steps ask (understanding, then the answer), and only a few texts are remembered.</summary>
public sealed class RecentDiagnosesTests
{
    [Fact]
    public void The_same_text_is_diagnosed_once()
    {
        var recent = new RecentDiagnoses(capacity: 4);
        var runs = 0;
        DiagnosisResult Count(string text) { runs++; return ErrorDiagnoser.Diagnose(text, SignatureCatalog.All); }

        var first = recent.GetOrAdd("Back-off restarting failed container", Count);
        var second = recent.GetOrAdd("Back-off restarting failed container", Count);

        Assert.Equal(1, runs);
        Assert.Same(first, second);
        Assert.Equal("crash-loop-backoff", second.Primary!.Id);
    }

    [Fact]
    public void Only_the_last_texts_are_remembered()
    {
        var recent = new RecentDiagnoses(capacity: 2);
        var runs = 0;
        DiagnosisResult Count(string text) { runs++; return ErrorDiagnoser.Diagnose(text, SignatureCatalog.All); }

        foreach (var text in new[] { "OOMKilled", "ImagePullBackOff", "CrashLoopBackOff", "OOMKilled" }) recent.GetOrAdd(text, Count);

        Assert.Equal(4, runs);
    }

    [Fact]
    public void The_catalogue_diagnosis_gives_the_same_answer_when_asked_again()
    {
        var paste = "Warning  FailedCreatePodSandBox  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox runtime: no runtime for \"nvidia\" is configured";
        Assert.Same(ErrorDiagnoser.Diagnose(paste), ErrorDiagnoser.Diagnose(paste));
        Assert.Equal("runtime-handler-missing", ErrorDiagnoser.Diagnose(paste).Primary!.Id);
    }
}
