using System.Diagnostics;
using System.Text;
using Collab.Copilot.Runtime.Chat;
using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;

// Usage: Collab.Copilot.LlmBench <model.gguf> <native-lib-folder> [gpu-layers=-1] [cpu-threads=8]
// Prints one line per figure and a final JSON line (read by bench/llm/run.sh for the ratio).
var modelPath = args[0];
var native = args[1];
var gpuLayers = args.Length > 2 ? int.Parse(args[2]) : -1;
var threads = args.Length > 3 ? int.Parse(args[3]) : 8;
// BENCH_SMALL=1: the CPU dry run (run.sh --cpu) with the tiny model; the figures mean nothing there.
var small = Environment.GetEnvironmentVariable("BENCH_SMALL") == "1";
var PromptTokens = small ? 256 : 2048;
var GeneratedTokens = small ? 16 : 128;

using var runtime = LlamaRuntime.Load(new LlamaRuntimeOptions
{
    ModelPath = modelPath,
    NativeLibraryPath = native,
    GpuLayers = gpuLayers,
    Scheduler = new SchedulerOptions { ContextSize = small ? 512 : 4096, ParallelSequences = 16, BatchSize = 2048, QueueCapacity = 64, Threads = threads },
});
var client = new LlamaChatClient(runtime);
Console.WriteLine($"model: {runtime.Model.Description}");

// Greedy and fixed-length: every run decodes exactly the same number of tokens.
ChatOptions Options(int maxTokens) => new() { Temperature = 0, MaxOutputTokens = maxTokens };
var longPrompt = PromptOfTokens(runtime.Model, PromptTokens);

await Measure(client, "warm-up", [new(ChatRole.User, "warm up")], Options(8));
var prefill = await Measure(client, "prompt", [new(ChatRole.User, longPrompt)], Options(1));
var single = await Measure(client, "single", [new(ChatRole.User, "Write about GPUs.")], Options(GeneratedTokens));

var aggregate = new Dictionary<int, double>();
foreach (var concurrency in new[] { 1, 4, 16 })
{
    var stopwatch = Stopwatch.StartNew();
    var results = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i =>
        client.GetResponseAsync([new(ChatRole.User, $"Request {i}: write about GPUs.")], Options(GeneratedTokens))));
    var tokens = results.Sum(r => r.Usage!.OutputTokenCount ?? 0);
    aggregate[concurrency] = tokens / stopwatch.Elapsed.TotalSeconds;
    Console.WriteLine($"aggregate generation, {concurrency,2} sequences: {aggregate[concurrency],8:F1} tok/s");
}

var promptPerSecond = prefill.PromptTokens / prefill.FirstToken.TotalSeconds;
var generationPerSecond = (single.OutputTokens - 1) / (single.Total - single.FirstToken).TotalSeconds;
Console.WriteLine($"prompt processing ({prefill.PromptTokens} tokens): {promptPerSecond:F1} tok/s");
Console.WriteLine($"generation (1 sequence): {generationPerSecond:F1} tok/s");
Console.WriteLine($"time to first token (short prompt): {single.FirstToken.TotalMilliseconds:F1} ms");
Console.WriteLine($"16 vs 1 sequence aggregate: {aggregate[16] / aggregate[1]:F2}x (bar: >= 6x)");
Console.WriteLine($"JSON {{\"pp\":{promptPerSecond:F2},\"tg\":{generationPerSecond:F2},\"ttft_ms\":{single.FirstToken.TotalMilliseconds:F2},\"agg1\":{aggregate[1]:F2},\"agg4\":{aggregate[4]:F2},\"agg16\":{aggregate[16]:F2}}}");

static async Task<(TimeSpan FirstToken, TimeSpan Total, long PromptTokens, long OutputTokens)> Measure(
    IChatClient client, string label, List<ChatMessage> messages, ChatOptions options)
{
    var stopwatch = Stopwatch.StartNew();
    TimeSpan? first = null;
    UsageDetails? usage = null;
    await foreach (var update in client.GetStreamingResponseAsync(messages, options))
    {
        if (first is null && update.Text.Length > 0) first = stopwatch.Elapsed;
        foreach (var content in update.Contents.OfType<UsageContent>()) usage = content.Details;
    }
    var total = stopwatch.Elapsed;
    // A one-token answer may be whitespace-free but empty-looking; the end then marks the first token.
    return (first ?? total, total, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
}

static string PromptOfTokens(LlamaModel model, int tokens)
{
    var words = new StringBuilder();
    var vocabulary = new[] { "cluster", "GPU", "notebook", "quota", "kernel", "tensor", "scheduler", "volume", "node", "batch" };
    for (var i = 0; model.Tokenize(words.ToString(), false, false).Length < tokens - 16; i++)
        words.Append(vocabulary[i % vocabulary.Length]).Append(' ');
    return words.ToString();
}
