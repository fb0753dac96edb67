using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>Slots written the way chat asks and lists write them (issue 19, set M's round): abbreviations, decimal commas, spoken times, zones, argv arrays.</summary>
public sealed class UnitsAndShorthandSlotTests
{
    [Theory]
    [InlineData("deployment rep 5 image nginx:1.27 port 80", 5)]
    [InlineData("statefulset with 2 reps of redis:7.2", 2)]
    public void Rep_is_the_replica_count(string request, int replicas) =>
        Assert.Equal(replicas, SlotExtractor.Extract(request).Replicas);

    [Theory]
    [InlineData("deployment ghcr.io/a/b:1.0, 1,5 jezgre", "1.5")]
    [InlineData("daemonset alpine:3.20 amb 300m de cpu", "300m")]
    [InlineData("- cpu: 0,25", "0.25")]
    public void A_decimal_comma_or_a_preposition_keeps_the_cpu_count(string request, string cpu) =>
        Assert.Equal(cpu, SlotExtractor.Extract(request).Cpu);

    [Theory]
    [InlineData("cronjob alle 5 e 30 con alpine:3.20", "30 5 * * *")]
    [InlineData("cronjob um viertel nach sechs, image alpine:3.20", "15 6 * * *")]
    [InlineData("cronjob um halb drei, image alpine:3.20", "30 2 * * *")]
    [InlineData("cronjob at half past 7 running alpine:3.20", "30 7 * * *")]
    [InlineData("cronjob ve čtvrt na šest, image alpine:3.20", "15 5 * * *")]
    public void A_spoken_clock_time_without_a_frequency_is_a_daily_schedule(string request, string schedule) =>
        Assert.Equal(schedule, SlotExtractor.Extract(request).Schedule);

    [Fact]
    public void A_stated_IANA_zone_is_the_cronjob_s_time_zone()
    {
        var slots = SlotExtractor.Extract("cronjob every monday at 9 (America/New_York), image alpine:3.20");

        Assert.Equal("America/New_York", slots.TimeZone);
        Assert.Equal("0 9 * * 1", slots.Schedule);
    }

    [Fact]
    public void An_exec_form_command_and_its_args_line_are_kept_as_written()
    {
        var slots = SlotExtractor.Extract("job:\n- image: python:3.12-slim\n- command: [\"python\", \"-m\", \"prep\"]\n- args: [\"--shards\", \"8\"]");

        Assert.Equal(["python", "-m", "prep"], slots.Command);
        Assert.Equal(["--shards", "8"], slots.Args);
    }

    [Theory]
    [InlineData("job s naredbom python run.py --fast 3, slika python:3.12", new[] { "python", "run.py", "--fast", "3" })]
    [InlineData("un job que executi bash sync.sh /data amb la imatge alpine:3.20", new[] { "bash", "sync.sh", "/data" })]
    public void A_command_line_after_a_command_word_ends_at_the_first_word_of_prose(string request, string[] command) =>
        Assert.Equal(command, SlotExtractor.Extract(request).Command);

    [Fact]
    public void A_command_word_before_prose_states_no_command() =>
        Assert.Empty(SlotExtractor.Extract("cronjob koji spustí zálohu ve 4:15, image restic/restic:0.16.4").Command);

    [Theory]
    [InlineData("deployment nginx:1.27, il pvc esistente web-data su /srv", "web-data")]
    [InlineData("job alpine:3.20 mit dem pvc bestehenden scratch-vol unter /scratch", "scratch-vol")]
    public void A_word_for_existing_names_no_claim(string request, string claim) =>
        Assert.Equal(claim, Assert.Single(SlotExtractor.Extract(request).Claims).Name);

    [Fact]
    public void A_secret_from_literals_holds_their_keys_and_never_their_values()
    {
        var slots = SlotExtractor.Extract("secret smtp-login from literals user=mailer and pass=Hunter2");

        Assert.Equal(["user", "pass"], slots.SecretKeys);
    }
}
