using Collab.Copilot.Authoring.Diagnosis;
using Collab.Copilot.Authoring.Diagnosis.Builds;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>BuildKit output (set M, issue 19): the step and seconds before each line of a step's output are no evidence.</summary>
public sealed class BuildLogReaderTests
{
    [Fact]
    public void Plain_progress_step_prefixes_are_blanked_keeping_line_lengths()
    {
        string[] lines = ["#10 [5/8] RUN pip install flash-attn", "#10 612.8 Killed", "#10 ERROR: process \"/bin/sh -c pip install flash-attn\" did not complete successfully: exit code: 137"];
        var view = (string[])lines.Clone();
        BuildLogReader.BlankStepPrefixes(view);

        Assert.Equal("Killed", view[1].Trim());
        Assert.Equal(lines.Select(l => l.Length), view.Select(l => l.Length));
        Assert.Equal(lines[0], view[0]);
    }

    [Fact]
    public void Seconds_alone_are_a_prefix_only_in_buildkit_output()
    {
        string[] build = [" > [4/7] RUN pip3 install -r requirements.txt:", "0.742 Killed"];
        BuildLogReader.BlankStepPrefixes(build);
        Assert.Equal("Killed", build[1].Trim());

        string[] other = ["0.742 Killed"];
        BuildLogReader.BlankStepPrefixes(other);
        Assert.Equal("0.742 Killed", other[0]);
    }

    [Fact]
    public void A_killed_pip_install_in_a_build_is_the_kill_not_an_exit_code_guess_and_quotes_the_pasted_line()
    {
        var result = ErrorDiagnoser.Diagnose("#10 612.8 Killed\nERROR: failed to solve: process \"/bin/sh -c pip install x\" did not complete successfully: exit code: 137");

        Assert.Equal("process-killed", result.Primary?.Id);
        Assert.Contains(result.Primary!.QuotedLines, q => q.Text == "#10 612.8 Killed");
    }
}
