namespace Collab.LoadBench;

/// <summary>
/// R rooms × C clients, each sending U edits per second for the given seconds. <c>--only</c> picks
/// server setups (<c>collab1</c>, <c>cluster</c>, <c>refs</c>; default all), <c>--sweep 2,4,8</c>
/// raises U step by step to find each server's sustained throughput, <c>--idle N</c> measures
/// memory per idle connection, <c>--soak-minutes M</c> drives Collab (1 node) for M minutes and
/// samples its memory. Each server setup first runs a discarded warm-up of <c>--warmup-seconds</c> (default 5).
/// <c>--workload map</c> (default) sets each client's own map key; <c>--workload text</c> inserts into one shared text per room.
/// </summary>
public sealed record LoadSettings(int Rooms, int Clients, double Rate, int Seconds, IReadOnlySet<string> Only,
    IReadOnlyList<double> Sweep, double SweepP99LimitMs, int IdleConnections, double SoakMinutes, int WarmupSeconds, string Workload)
{
    public static LoadSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var only = (Value("--only") ?? "collab1,cluster,refs").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var sweep = (Value("--sweep") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new LoadSettings((int)Number("--rooms", 100), (int)Number("--clients", 10), Number("--rate", 2), (int)Number("--seconds", 20),
            only, sweep, Number("--sweep-p99-ms", 250), (int)Number("--idle", 0), Number("--soak-minutes", 0), (int)Number("--warmup-seconds", 5),
            Value("--workload") is { } workload ? workload is "map" or "text" ? workload : throw new ArgumentException($"--workload is map or text, not '{workload}'") : "map");
    }

    /// <summary>The text workload: C−1 writers insert into one shared text per room, one observer integrates and measures.</summary>
    public bool Text => Workload == "text";

    public bool Runs(string setup) => Only.Contains(setup);

    public LoadSettings AtRate(double rate) => this with { Rate = rate };

    public override string ToString() => Text
        ? $"text: {Rooms} rooms x ({Clients - 1} writers x {Rate} edits/s + 1 observer) for {Seconds} s"
        : $"map: {Rooms} rooms x {Clients} clients x {Rate} edits/s for {Seconds} s";
}
