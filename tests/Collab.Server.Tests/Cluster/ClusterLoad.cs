using System.Diagnostics;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cluster;

/// <summary>Drives clients at a steady rate for a while, then checks that all of them, and a late reader, converged.</summary>
public static class ClusterLoad
{
    public static Task RunAsync(IEnumerable<ClusterDocClient> clients, TimeSpan duration, TimeSpan interval, int chatEvery = 0) =>
        Task.WhenAll(clients.Select(async client =>
        {
            var clock = Stopwatch.StartNew();
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                await client.EditAsync($"{client.Name}#{n}");
                if (chatEvery > 0 && n % chatEvery == 0) await client.SendChatAsync($"chat {client.Name}#{n}");
                await Task.Delay(interval);
            }
        }));

    /// <summary>Every client ends with the same tokens, a superset of every acknowledged one; so does a fresh reader.</summary>
    public static async Task AssertConvergedAsync(IReadOnlyList<ClusterDocClient> clients, ClusterDocClient reader)
    {
        var acked = clients.SelectMany(c => c.Acked).ToHashSet();
        Assert.NotEmpty(acked);
        var converged = await Eventually.HoldsAsync(() =>
        {
            var expected = reader.Tokens();
            return acked.IsSubsetOf(expected) && clients.All(c => c.Tokens().SetEquals(expected));
        }, TimeSpan.FromSeconds(30));
        var readerTokens = reader.Tokens();
        Assert.True(converged,
            $"not converged: {acked.Count} acked, {acked.Except(readerTokens).Count()} missing at the reader; " +
            string.Join("; ", clients.Select(c => $"{c.Name}: {c.Tokens().Count} tokens, {c.Tokens().Except(readerTokens).Count()} the reader lacks")));
    }
}
