namespace Collab.LoadBench;

/// <summary>Latencies in ms at the 50th, 95th, 99th and 99.9th percentiles, over <paramref name="Count"/> values.</summary>
public readonly record struct LatencyPercentiles(double P50, double P95, double P99, double P999, int Count);
