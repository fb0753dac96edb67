namespace Collab.LoadBench;

/// <summary>Samples a server's memory while a long scenario runs; memory must not keep growing.</summary>
public static class Soak
{
    public static async Task<ScenarioResult> RunAsync(Scenario scenario, LoadSettings load, ServerUnderTest server)
    {
        var samples = new List<(double Minutes, double RssMb)>();
        using var stop = new CancellationTokenSource();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var sample = (clock.Elapsed.TotalMinutes, server.RssBytes() / 1048576.0);
                    samples.Add(sample);
                    Console.WriteLine($"soak t={sample.Item1:F1} min rss_mb={sample.Item2:F0}");
                }
            }
            catch (OperationCanceledException) { }
        });
        var result = await scenario.RunAsync(load with { Seconds = (int)(load.SoakMinutes * 60) });
        stop.Cancel();
        await sampler;
        // Growth after warm-up: the second half's mean against the first half's (the first minute excluded).
        var settled = samples.Where(s => s.Minutes >= 1).ToList();
        var half = settled.Count / 2;
        var growth = half == 0 ? double.NaN : settled.Skip(half).Average(s => s.RssMb) - settled.Take(half).Average(s => s.RssMb);
        Console.WriteLine($"soak minutes={load.SoakMinutes} samples={samples.Count} rss_first_mb={settled.FirstOrDefault().RssMb:F0} " +
                          $"rss_last_mb={settled.LastOrDefault().RssMb:F0} growth_second_half_mb={growth:F1}");
        return result;
    }
}
