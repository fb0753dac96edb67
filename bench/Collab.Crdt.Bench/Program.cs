using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collab.Crdt.Bench;

// Compares Collab.Crdt with yjs on editing traces. Each side measures each trace in its own
// process, so peak memory is per trace. Usage (see bench/crdt.sh):
//   Collab.Crdt.Bench <repo root> <trace dir> [trace names...]
//   Collab.Crdt.Bench --measure <warm runs> <trace.json.gz>...  (one C# measurement, as a JSON line)
//   Collab.Crdt.Bench --pending <repo root>          (a small update's cost while changes wait)
//   Collab.Crdt.Bench --load-loop <loads> <trace.json.gz>  (CPU, allocations and GCs per warm load: A/B and profiling)
// The trace name all-three is the three traces replayed one after the other into one document
// (EditingTrace.Concatenate), to show how the cost grows with the document.
var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
if (args is ["--measure", var warm, .. var measurePaths])
{
    Console.WriteLine(JsonSerializer.Serialize(CrdtTraceRun.Measure(measurePaths, int.Parse(warm, CultureInfo.InvariantCulture)), json));
    return 0;
}
if (args is ["--load-loop", var loads, var loadTrace])
{
    LoadLoop.Run(loadTrace, int.Parse(loads, CultureInfo.InvariantCulture));
    return 0;
}
if (args is ["--pending", var pendingRoot])
{
    // Per small update, with 0 to ~8 MB of structs and 0 to 100,000 deletion ranges waiting; yjs in the same run.
    Console.WriteLine("== cost of a small update while changes wait for a missing one (C# / yjs, µs per update)");
    PendingRun.Measure(10, 1_000); // warm-up: the first measurement would otherwise include JIT compilation
    foreach (var (edits, ranges) in new[] { (0, 0), (1_000, 0), (8_000, 0), (0, 100_000) })
    {
        var count = ranges > 0 ? 50 : 2_000; // yjs re-applies every waiting deletion per update: keep its run short
        var cs = PendingRun.Measure(edits, ranges, count);
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, WorkingDirectory = pendingRoot };
        foreach (var a in new[] { Path.Combine(pendingRoot, "bench/crdt/yjs-pending.mjs"), edits.ToString(), ranges.ToString(), count.ToString() })
            psi.ArgumentList.Add(a);
        using var node = Process.Start(psi)!;
        var jsMicros = double.Parse(node.StandardOutput.ReadToEnd().Trim(), CultureInfo.InvariantCulture);
        node.WaitForExit();
        Console.WriteLine($"  waiting {cs.ParkedBytes / 1048576.0,6:0.0} MB ({ranges} deletion ranges)  {cs.MicrosPerUpdate,8:0.0} µs  {jsMicros,8:0.0} µs");
    }
    return 0;
}
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Collab.Crdt.Bench <repo root> <trace dir> [trace names...]");
    return 2;
}
string repoRoot = args[0], traceDir = args[1];
string[] singleTraces = ["automerge-paper", "seph-blog1", "rustcode"];
var traces = args.Length > 2 ? args[2..] : [.. singleTraces, "all-three"];
int warmRuns = int.TryParse(Environment.GetEnvironmentVariable("CRDT_WARM_RUNS"), out var w) ? w : 5;

TraceFigures RunChild(string file, IEnumerable<string> arguments, string? tieredCompilation = null)
{
    var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, WorkingDirectory = repoRoot };
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    if (tieredCompilation is not null) psi.Environment["DOTNET_TieredCompilation"] = tieredCompilation;
    using var p = Process.Start(psi)!;
    string output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed with exit code {p.ExitCode}");
    return JsonSerializer.Deserialize<TraceFigures>(output.Trim().Split('\n')[^1], json)!;
}

static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
static string R(double cs, double js) => F(cs / js);

Console.WriteLine($"== load: {File.ReadAllText("/proc/loadavg").Trim()}   warm runs: {warmRuns}   C# host: tiered compilation off (see bench/crdt/RESULTS.md)");
var summary = new List<string>();
foreach (var name in traces)
{
    var paths = (name == "all-three" ? singleTraces : [name]).Select(t => Path.Combine(traceDir, t + ".json.gz")).ToList();
    var cs = RunChild(Environment.ProcessPath!, ["--measure", warmRuns.ToString(CultureInfo.InvariantCulture), .. paths]);
    var csTiered = RunChild(Environment.ProcessPath!, ["--measure", "0", .. paths], tieredCompilation: "1");
    var js = RunChild("node", ["--expose-gc", Path.Combine(repoRoot, "bench/crdt/yjs-trace.mjs"), .. paths, "--warm", warmRuns.ToString(CultureInfo.InvariantCulture)]);
    Console.WriteLine($"== {name}  (text equals endContent in both; C# / yjs)");
    Console.WriteLine($"  apply   cold {F(cs.ApplyMs),10} ms  {F(js.ApplyMs),10} ms  ratio {R(cs.ApplyMs, js.ApplyMs)}   cpu {F(cs.ApplyCpuMs)} / {F(js.ApplyCpuMs)} ms  ratio {R(cs.ApplyCpuMs, js.ApplyCpuMs)}");
    Console.WriteLine($"          cold with the default tiered JIT {F(csTiered.ApplyMs)} ms  ratio {R(csTiered.ApplyMs, js.ApplyMs)}   cpu {F(csTiered.ApplyCpuMs)} ms");
    Console.WriteLine($"          C# cold replay paid once: JIT {cs.ColdJitMethods} methods ({F(cs.ColdJitMs)} ms), collections {cs.ColdGen0}/{cs.ColdGen1}/{cs.ColdGen2}, " +
                      $"{cs.ColdPageFaults} page faults; default tiered JIT: {csTiered.ColdJitMethods} methods ({F(csTiered.ColdJitMs)} ms)");
    Console.WriteLine($"          warm {F(cs.WarmApplyMs),10} ms  {F(js.WarmApplyMs),10} ms  ratio {R(cs.WarmApplyMs, js.WarmApplyMs)}   cpu {F(cs.WarmApplyCpuMs)} / {F(js.WarmApplyCpuMs)} ms  " +
                      $"range {F(cs.WarmApplyMinMs)}–{F(cs.WarmApplyMaxMs)} / {F(js.WarmApplyMinMs)}–{F(js.WarmApplyMaxMs)} ms");
    Console.WriteLine($"  encode  cold {F(cs.EncodeMs),10} ms  {F(js.EncodeMs),10} ms  ratio {R(cs.EncodeMs, js.EncodeMs)}   warm {F(cs.WarmEncodeMs)} / {F(js.WarmEncodeMs)} ms  ratio {R(cs.WarmEncodeMs, js.WarmEncodeMs)}");
    Console.WriteLine($"  load    cold {F(cs.LoadMs),10} ms  {F(js.LoadMs),10} ms  ratio {R(cs.LoadMs, js.LoadMs)}   warm {F(cs.WarmLoadMs)} / {F(js.WarmLoadMs)} ms  ratio {R(cs.WarmLoadMs, js.WarmLoadMs)}");
    Console.WriteLine($"  size    {cs.Size,10} B   {js.Size,10} B   bytes identical: {(cs.Sha256 == js.Sha256 ? "yes" : "no")}");
    Console.WriteLine($"  peak RSS {Mb(cs.PeakRssBytes),10}    {Mb(js.PeakRssBytes),10}   (whole process, parsed trace included)");
    Console.WriteLine($"  heap    trace {Mb(cs.TraceHeapBytes)} / {Mb(js.TraceHeapBytes)}   after replay {Mb(cs.LiveHeapBytes)} / {Mb(js.LiveHeapBytes)}   " +
                      $"document {Mb(cs.LiveHeapBytes - cs.TraceHeapBytes)} / {Mb(js.LiveHeapBytes - js.TraceHeapBytes)}   (in use after a full GC)");
    Console.WriteLine($"          C# managed heap peak during the replay {Mb(cs.PeakHeapBytes)} (sampled), allocated {Mb(cs.AllocatedBytes)}");
    summary.Add($"trace={name} apply_ratio={R(cs.ApplyMs, js.ApplyMs)} encode_ratio={R(cs.EncodeMs, js.EncodeMs)} " +
                $"load_ratio={R(cs.LoadMs, js.LoadMs)} size_equal={(cs.Size == js.Size && cs.Sha256 == js.Sha256 ? "true" : "false")} " +
                $"warm_apply_ratio={R(cs.WarmApplyMs, js.WarmApplyMs)} warm_encode_ratio={R(cs.WarmEncodeMs, js.WarmEncodeMs)} " +
                $"warm_load_ratio={R(cs.WarmLoadMs, js.WarmLoadMs)} rss_ratio={R(cs.PeakRssBytes, js.PeakRssBytes)} " +
                $"doc_heap_ratio={R(cs.LiveHeapBytes - cs.TraceHeapBytes, js.LiveHeapBytes - js.TraceHeapBytes)}");
}
foreach (var line in summary) Console.WriteLine(line);
return 0;
