using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collab.Crdt.Bench;

// Compares Collab.Crdt with yjs on editing traces. Each side measures each trace in its own
// process, so peak memory is per trace. Usage (see bench/crdt.sh):
//   Collab.Crdt.Bench <repo root> <trace dir> [trace names...]
//   Collab.Crdt.Bench --measure <trace.json.gz>      (one C# measurement, as a JSON line)
//   Collab.Crdt.Bench --pending <repo root>          (a small update's cost while changes wait)
var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
if (args is ["--measure", var measurePath])
{
    Console.WriteLine(JsonSerializer.Serialize(CrdtTraceRun.Measure(measurePath), json));
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
var traces = args.Length > 2 ? args[2..] : ["automerge-paper", "seph-blog1", "rustcode"];

TraceFigures RunChild(string file, params string[] arguments)
{
    var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, WorkingDirectory = repoRoot };
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    using var p = Process.Start(psi)!;
    string output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed with exit code {p.ExitCode}");
    return JsonSerializer.Deserialize<TraceFigures>(output.Trim().Split('\n')[^1], json)!;
}

static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

var summary = new List<string>();
foreach (var name in traces)
{
    string path = Path.Combine(traceDir, name + ".json.gz");
    var cs = RunChild(Environment.ProcessPath!, "--measure", path);
    var js = RunChild("node", Path.Combine(repoRoot, "bench/crdt/yjs-trace.mjs"), path);
    Console.WriteLine($"== {name}  (text equals endContent in both; C# / yjs)");
    Console.WriteLine($"  apply   {F(cs.ApplyMs),10} ms  {F(js.ApplyMs),10} ms  ratio {F(cs.ApplyMs / js.ApplyMs)}");
    Console.WriteLine($"  encode  {F(cs.EncodeMs),10} ms  {F(js.EncodeMs),10} ms  ratio {F(cs.EncodeMs / js.EncodeMs)}");
    Console.WriteLine($"  load    {F(cs.LoadMs),10} ms  {F(js.LoadMs),10} ms  ratio {F(cs.LoadMs / js.LoadMs)}");
    Console.WriteLine($"  size    {cs.Size,10} B   {js.Size,10} B   bytes identical: {(cs.Sha256 == js.Sha256 ? "yes" : "no")}");
    Console.WriteLine($"  peak RSS {Mb(cs.PeakRssBytes),10}    {Mb(js.PeakRssBytes),10}   (whole process, parsed trace included)");
    summary.Add($"trace={name} apply_ratio={F(cs.ApplyMs / js.ApplyMs)} encode_ratio={F(cs.EncodeMs / js.EncodeMs)} " +
                $"load_ratio={F(cs.LoadMs / js.LoadMs)} size_equal={(cs.Size == js.Size ? "true" : "false")}");
}
foreach (var line in summary) Console.WriteLine(line);
return 0;
