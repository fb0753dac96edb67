using Collab.Copilot.Runtime.Scheduling;

namespace Collab.Copilot.Runtime.Tests.Scheduling;

public sealed class FairQueueTests
{
    [Fact]
    public void Serves_callers_round_robin_and_each_in_arrival_order()
    {
        var queue = new FairQueue<string>(10);
        foreach (var (key, item) in new[] { ("alice", "a1"), ("alice", "a2"), ("alice", "a3"), ("bob", "b1"), ("carol", "c1"), ("bob", "b2") })
            Assert.True(queue.TryEnqueue(key, item));
        var order = new List<string>();
        while (queue.TryDequeue(out var item)) order.Add(item);
        Assert.Equal(["a1", "b1", "c1", "a2", "b2", "a3"], order);
    }

    [Fact]
    public void Refuses_past_capacity()
    {
        var queue = new FairQueue<int>(2);
        Assert.True(queue.TryEnqueue("x", 1));
        Assert.True(queue.TryEnqueue("y", 2));
        Assert.False(queue.TryEnqueue("z", 3));
        Assert.True(queue.TryDequeue(out _));
        Assert.True(queue.TryEnqueue("z", 3));
    }
}
