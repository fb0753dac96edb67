using Collab.Copilot.Assistant.Languages;
using Xunit.Abstractions;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// The language of a message is the language of its prose: pasted logs, YAML and stack traces say
/// nothing about the asker, so a paste with an English question, or no question, is English.
/// </summary>
public sealed class LanguageOfPastesTests(ITestOutputHelper output)
{
    [Fact]
    public void Pasted_error_messages_are_detected_in_the_language_of_their_question()
    {
        // Two-word questions ("qualche idea?", "je to OOM?") can be honestly ambiguous; English is the fallback.
        var failures = new List<string>();
        var messages = PastedErrorMessages.Load("pasted-errors.yaml").Concat(PastedErrorMessages.Load("pasted-errors-holdout.yaml")).ToList();
        foreach (var group in messages.GroupBy(m => m.Language).OrderBy(g => g.Key))
        {
            var wrong = group.Where(m => LanguageDetector.Detect(m.Text).Code() != m.Language).ToList();
            output.WriteLine($"{group.Key}: {group.Count() - wrong.Count}/{group.Count()} detected");
            foreach (var m in wrong) output.WriteLine($"  miss {m.Language} {m.Name}: detected {LanguageDetector.Detect(m.Text)}");
            if (wrong.Count > 0.1 * group.Count()) failures.Add($"{group.Key}: {wrong.Count} of {group.Count()} misdetected");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_paste_without_a_question_is_english()
    {
        var pastes = PastedErrorMessages.Load("pasted-errors.yaml").Concat(PastedErrorMessages.Load("pasted-errors-holdout.yaml"))
            .Select(m => m.Paste).Distinct().ToList();
        var wrong = pastes.Where(p => LanguageDetector.Detect(p) != AnswerLanguage.English).Select(p => p.Split('\n')[0]).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data-de-la-com
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 50Gi
        is this ok?
        """)]
    [InlineData("""
        I1204 10:00:01.123 la com de el per amb que els les
        E1204 10:00:02.456 controller.go:114] error syncing 'default/la-com': no endpoints available for service "de-la-com"
        """)]
    [InlineData("why does this fail?\n\nError from server (NotFound): namespaces \"de-la-per\" not found")]
    [InlineData("Traceback (most recent call last):\n  File \"/opt/app/les/com/per.py\", line 3, in <module>\n    import la\nModuleNotFoundError: No module named 'la'")]
    public void English_pastes_with_words_that_look_foreign_stay_english(string text) =>
        Assert.Equal(AnswerLanguage.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Per què el meu pod no arrenca?\n\n  Warning  FailedScheduling  default-scheduler  0/3 nodes are available", AnswerLanguage.Catalan)]
    [InlineData("Warum startet mein Pod nicht?\n```\nWarning  BackOff  kubelet  Back-off restarting failed container\n```", AnswerLanguage.German)]
    [InlineData("NAME   READY   STATUS\nweb-0  0/1     CrashLoopBackOff\nzašto mi se pod stalno ruši?", AnswerLanguage.Croatian)]
    // One word only the leading language has outweighs a neighbour's spelling on a few short words.
    [InlineData("NAME   READY   STATUS\nweb-0  0/1     Init:CrashLoopBackOff\nzasekne se na Init:CrashLoopBackOff", AnswerLanguage.Czech)]
    [InlineData("terraform plan si lamenta\n\n│ Error: Invalid provider configuration", AnswerLanguage.Italian)]
    // A one-word question is all the prose there is beside the paste.
    [InlineData("zašto?\n\n  Warning  Failed  12s  kubelet  Error: couldn't find key DB_PASSWORD in Secret ml/db", AnswerLanguage.Croatian)]
    [InlineData("  Warning  Failed  12s  kubelet  Error: couldn't find key DB_PASSWORD in Secret ml/db\nwarum?", AnswerLanguage.German)]
    public void A_short_question_around_a_paste_decides(string text, AnswerLanguage expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));
}
