using Collab.Server.Rooms;

namespace Collab.Server.Tests.Rooms;

/// <summary>When a room asks for its log to be folded: enough entries, and a log that is a fair share of the snapshot or too long to replay.</summary>
public class CompactionDueTests
{
    private readonly RoomOptions _options = new() { CompactAfterUpdates = 500, CompactLogShare = 0.25, CompactMaxLogEntries = 10_000 };

    [Fact]
    public void A_small_document_is_folded_every_CompactAfterUpdates_entries()
    {
        Assert.False(_options.CompactionDue(logEntries: 499, logBytes: 15_000, snapshotBytes: 0));
        Assert.True(_options.CompactionDue(logEntries: 500, logBytes: 15_000, snapshotBytes: 0));
        Assert.True(_options.CompactionDue(logEntries: 500, logBytes: 15_000, snapshotBytes: 60_000));
    }

    [Fact]
    public void A_large_document_waits_until_its_log_is_a_share_of_the_snapshot()
    {
        Assert.False(_options.CompactionDue(logEntries: 500, logBytes: 15_000, snapshotBytes: 10_000_000));
        Assert.False(_options.CompactionDue(logEntries: 5_000, logBytes: 2_499_999, snapshotBytes: 10_000_000));
        Assert.True(_options.CompactionDue(logEntries: 5_000, logBytes: 2_500_000, snapshotBytes: 10_000_000));
    }

    [Fact]
    public void A_log_too_long_to_replay_is_folded_whatever_its_share()
    {
        Assert.True(_options.CompactionDue(logEntries: 10_000, logBytes: 300_000, snapshotBytes: 10_000_000));
    }

    [Fact]
    public void Share_zero_keeps_the_fixed_count()
    {
        var options = new RoomOptions { CompactAfterUpdates = 500, CompactLogShare = 0 };
        Assert.True(options.CompactionDue(logEntries: 500, logBytes: 1, snapshotBytes: 10_000_000));
    }
}
