using Collab.Copilot.ModelGen;
using Collab.Copilot.Runtime.Gguf;

// Usage: modelgen --shape tiny|llama-3.2-1b|llama-3.1-8b --out model.gguf
//                 [--quantize q4_k_m|q8_0 --native <folder with libllama>] [--seed N]
var options = ParseArguments(args);
var shape = LlamaShape.Named(options.GetValueOrDefault("--shape", "tiny"));
var output = options.GetValueOrDefault("--out") ?? throw new ArgumentException("--out <path> is required.");
var seed = int.Parse(options.GetValueOrDefault("--seed", "1234"));
var quantize = options.GetValueOrDefault("--quantize");

var vocabulary = Cl100kVocabulary.Build(shape.VocabularySize);
var unquantized = quantize is null ? output : output + ".f16.gguf";
Console.WriteLine($"writing {shape.Name} ({(quantize is null ? "F32" : "F16")}) -> {unquantized}");
RandomLlamaModel.Write(unquantized, shape, vocabulary, quantize is null ? GgmlType.F32 : GgmlType.F16, seed);

if (quantize is not null)
{
    var native = options.GetValueOrDefault("--native") ?? throw new ArgumentException("--quantize needs --native <folder>.");
    var fileType = quantize.ToLowerInvariant() switch
    {
        "q4_k_m" => LlamaFileType.MostlyQ4_K_M,
        "q8_0" => LlamaFileType.MostlyQ8_0,
        _ => throw new ArgumentException($"Unknown quantization '{quantize}' (q4_k_m, q8_0)."),
    };
    Console.WriteLine($"quantizing to {fileType} -> {output}");
    GgufQuantizer.Quantize(unquantized, output, fileType, native);
    File.Delete(unquantized);
}
Console.WriteLine($"done: {output} ({new FileInfo(output).Length / (1024 * 1024)} MiB)");

static Dictionary<string, string> ParseArguments(string[] args)
{
    var result = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2) result[args[i]] = args[i + 1];
    return result;
}
