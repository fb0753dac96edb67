using Collab.Copilot.Authoring.Manifests;

namespace Collab.Copilot.Authoring.Tests.Manifests;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("30 1 * * 1-5")]
    [InlineData("0 0 1 jan,jul *")]
    [InlineData("0 6 * * MON")]
    [InlineData("@hourly")]
    [InlineData("CRON_TZ=Europe/Zagreb 0 2 * * *")]
    public void Valid_schedules_pass(string schedule) => Assert.Null(CronSchedule.Problem(schedule));

    [Theory]
    [InlineData("0 0 3 * * *", "six fields")]
    [InlineData("0 24 * * *", "hour")]
    [InlineData("60 * * * *", "minute")]
    [InlineData("0 3 * *", "4 field")]
    [InlineData("*/0 * * * *", "step")]
    [InlineData("0 3 * * 8", "day of week")]
    [InlineData("0 3 31-1 * *", "backwards")]
    [InlineData("every night", "field")]
    public void Invalid_schedules_are_named_with_the_reason(string schedule, string reason) =>
        Assert.Contains(reason, CronSchedule.Problem(schedule));

    [Fact]
    public void Manifest_review_reports_an_invalid_cron_schedule()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cleanup
            spec:
              schedule: "0 0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: cleanup
                        image: busybox:1.36
            """;
        var finding = Assert.Single(ManifestValidator.Validate(yaml).Findings, f => f.RuleId == ManifestRules.CronSchedule);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("seconds", finding.Message);
    }
}
