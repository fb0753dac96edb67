namespace Collab.LoadBench;

/// <summary>
/// R rooms × C clients, each sending U edits per second for the given seconds. <c>--only</c> picks
/// server setups (<c>collab1</c>, <c>cluster</c>, <c>refs</c>; default all), <c>--sweep 2,4,8</c>
/// raises U step by step to find each server's sustained throughput, <c>--idle N</c> measures
/// memory per idle connection, <c>--soak-minutes M</c> drives Collab (1 node) for M minutes and
/// samples its memory. Each server setup first runs a discarded warm-up of <c>--warmup-seconds</c> (default 5).
/// </summary>
public sealed record LoadSettings(int Rooms, int Clients, double Rate, int Seconds, IReadOnlySet<string> Only,
    IReadOnlyList<double> Sweep, double SweepP99LimitMs, int IdleConnections, double SoakMinutes, int WarmupSeconds)
{
    public static LoadSettings Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var only = (Value("--only") ?? "collab1,cluster,refs").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var sweep = (Value("--sweep") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new LoadSettings((int)Number("--rooms", 100), (int)Number("--clients", 10), Number("--rate", 2), (int)Number("--seconds", 20),
            only, sweep, Number("--sweep-p99-ms", 250), (int)Number("--idle", 0), Number("--soak-minutes", 0), (int)Number("--warmup-seconds", 5));
    }

    public bool Runs(string setup) => Only.Contains(setup);

    public LoadSettings AtRate(double rate) => this with { Rate = rate };

    public override string ToString() => $"{Rooms} rooms x {Clients} clients x {Rate} edits/s for {Seconds} s";
}
