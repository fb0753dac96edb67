namespace Collab.LoadBench;

public sealed record ScenarioResult(
    string Name, double Rate, long Sent, double SeenFraction, long Lost, double UpdatesPerSecond, double DeliveredPerSecond,
    LatencyPercentiles FanOut, LatencyPercentiles Acks,
    long Errors, double CpuPercent, double GeneratorCpuPercent, double PeakMb, double MbPerRoom,
    double CpuSecondsPer1000Edits, double? AllocatedBytesPerEdit)
{
    /// <summary>
    /// updates/s: edits seen by the other clients of their room per second (text: by the room's
    /// observer); frames/s: update frames clients received; lost: deliveries never seen (edits ×
    /// receivers − seen); cpu%: the server(s), gen%: this load generator (100 = one core);
    /// cpu-s/1k: the server(s)' CPU seconds per 1,000 edits sent, B/edit: bytes the server(s)
    /// allocated per edit sent (Collab only, from its <c>/metrics</c>). Those two are costs per
    /// edit, which a busy machine disturbs far less than it does latency.
    /// </summary>
    public const string Header = "scenario                   rate   sent  upd/s frames/s  fanout p50/p95/p99/p99.9 ms  ack p50/p95/p99 ms     lost  err  cpu% gen%  peakMB  MB/room  cpu-s/1k  B/edit";

    /// <summary>Kept up: (nearly) every edit reached the other clients, without errors, with p99 under the limit.</summary>
    public bool Sustained(double p99LimitMs) => SeenFraction >= 0.98 && Errors == 0 && FanOut.P99 <= p99LimitMs;

    public override string ToString()
    {
        var acks = Acks.Count == 0 ? "-" : $"{Ms(Acks.P50)}/{Ms(Acks.P95)}/{Ms(Acks.P99)}";
        var allocated = AllocatedBytesPerEdit is { } bytes ? bytes.ToString("F0") : "-";
        var fanOut = $"{Ms(FanOut.P50)}/{Ms(FanOut.P95)}/{Ms(FanOut.P99)}/{Ms(FanOut.P999)}";
        return $"{Name,-26} {Rate,4:0.#} {Sent,6} {UpdatesPerSecond,5:F0} {DeliveredPerSecond,8:F0}  {fanOut,-28} {acks,-21} {Lost,5} {Errors,4} {CpuPercent,5:F0} {GeneratorCpuPercent,4:F0} {PeakMb,7:F0} {MbPerRoom,8:F2} {CpuSecondsPer1000Edits,9:F3} {allocated,7}";
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("F1");
}
