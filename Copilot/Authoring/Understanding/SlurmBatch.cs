using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// A Slurm batch job quoted as what to run on Kubernetes instead ("the equivalent of sbatch --gres=gpu:2 --time=4:00:00",
/// `#SBATCH` lines): its options are a Job's requirements — `--gres=gpu[:model]:N`/`--gpus` the GPUs, `--mem` the memory,
/// `--cpus-per-task` the CPUs, `--time` the wall-clock limit (activeDeadlineSeconds), `--job-name` the name.
/// <paramref name="Start"/>..<paramref name="End"/> is the span of the command or directives in the text.
/// </summary>
public sealed partial record SlurmBatch(int Start, int End, IReadOnlyDictionary<string, string> Options)
{
    // "sbatch --gres=gpu:2 -t 4:00:00 train.sh", "srun -G 1 …", and "#SBATCH --mem=64G" directives, one a line.
    [GeneratedRegex(@"(?<![\w-])(?:sbatch|srun|salloc)(?:\s+--?[a-zA-Z][\w-]*(?:=[^\s`'""]+|\s+(?![-\s])[^\s`'""]+)?)+|(?:^[ \t]*#SBATCH[^\n]*\n?)+", RegexOptions.Multiline)]
    private static partial Regex Command();

    // "mám sbatch skript s --gres=gpu:1 a --time=24:00:00": Slurm named, its options written further on in the sentence.
    [GeneratedRegex(@"(?<![\w-])(?:sbatch|srun|salloc|slurm\w*)(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex SlurmWord();

    [GeneratedRegex(@"(?<![\w-])--(?:gres|gpus(?:-per-(?:node|task))?|mem(?:-per-cpu)?|cpus-per-task|time|job-name)=[^\s`'""]+")]
    private static partial Regex NamedOption();

    // A long option takes its value after "="; a short one (-t, -c, -G, -J) after a space too.
    [GeneratedRegex(@"(?<![\w-])(?:--([a-zA-Z][\w-]*)(?:=([^\s`'""]+))?|-([a-zA-Z])(?:\s*=?\s*(?![-\s])([^\s`'""]+))?)")]
    private static partial Regex Option();

    private static readonly Dictionary<string, string> ShortNames = new()
    {
        ["t"] = "time", ["c"] = "cpus-per-task", ["G"] = "gpus", ["J"] = "job-name",
    };

    // The options that state a requirement of the Job: a quoted single option ("like sbatch --time=4:00:00?") asks about it, two or more describe a job.
    private static readonly string[] Requirements = ["gres", "gpus", "gpus-per-node", "gpus-per-task", "mem", "mem-per-cpu", "cpus-per-task", "time", "job-name"];

    /// <summary>The Slurm job in <paramref name="text"/> that states two or more requirements, or null.</summary>
    public static SlurmBatch? Find(string text)
    {
        foreach (Match command in Command().Matches(text))
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match o in Option().Matches(command.Value))
            {
                var name = o.Groups[1].Success ? o.Groups[1].Value : ShortNames.GetValueOrDefault(o.Groups[3].Value, o.Groups[3].Value);
                // "--time=12:00:00, image …": the sentence's punctuation is not part of the value.
                options.TryAdd(name, (o.Groups[2].Success ? o.Groups[2].Value : o.Groups[4].Value).TrimEnd(',', '.', ';', '?', '!', ')'));
            }
            if (Requirements.Count(options.ContainsKey) >= 2) return new SlurmBatch(command.Index, command.Index + command.Length, options);
        }
        return SlurmWord().IsMatch(text) ? Scattered(text) : null;
    }

    // The options after Slurm is named, from the first to the last (the short words between them go with the span).
    private static SlurmBatch? Scattered(string text)
    {
        var found = NamedOption().Matches(text).Where(o => SlurmWord().IsMatch(text[..o.Index])).ToList();
        if (found.Count < 2) return null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in found)
        {
            var (name, value) = (o.Value[2..o.Value.IndexOf('=')], o.Value[(o.Value.IndexOf('=') + 1)..].TrimEnd(',', '.', ';', '?', '!', ')'));
            options.TryAdd(name, value);
        }
        return new SlurmBatch(found[0].Index, found[^1].Index + found[^1].Length, options);
    }

    /// <summary>The options in the words of a request, for the slot reader: "job named x, 2 a100 gpus, 64Gi memory, 8 cpus".</summary>
    public string Restated()
    {
        var parts = new List<string> { "job" };
        if (Options.GetValueOrDefault("job-name") is { Length: > 0 } name) parts.Add("named " + name);
        if (Gpus() is var (count, model) && count > 0) parts.Add($"{count} {model} gpus".Replace("  ", " ", StringComparison.Ordinal));
        if (Memory() is { } memory) parts.Add(memory + " memory");
        if (Options.GetValueOrDefault("cpus-per-task") is { } cpus && int.TryParse(cpus, out _)) parts.Add(cpus + " cpus");
        return " " + string.Join(", ", parts) + " ";
    }

    /// <summary>The wall-clock limit in seconds: --time as minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS.</summary>
    public int? TimeLimitSeconds
    {
        get
        {
            if (Options.GetValueOrDefault("time") is not { } time) return null;
            var m = Regex.Match(time, @"^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$");
            if (!m.Success) return null;
            int Part(int g) => m.Groups[g].Success ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
            var fields = new[] { Part(2), Part(3), Part(4) };
            var given = 1 + (m.Groups[3].Success ? 1 : 0) + (m.Groups[4].Success ? 1 : 0);
            var days = Part(1);
            // Without days, one field is minutes, two are MM:SS, three HH:MM:SS; with days they are hours[:minutes[:seconds]].
            var seconds = m.Groups[1].Success ? fields[0] * 3600 + fields[1] * 60 + fields[2]
                : given switch { 1 => fields[0] * 60, 2 => fields[0] * 60 + fields[1], _ => fields[0] * 3600 + fields[1] * 60 + fields[2] };
            return days * 86400 + seconds;
        }
    }

    // "--gres=gpu:2", "--gres=gpu:a100:2", "--gpus=2", "--gpus=a100:2", "-G 1"; a type that is not a GPU model is left out.
    private (int Count, string Model)? Gpus()
    {
        var spec = Options.GetValueOrDefault("gres") is { } gres && gres.StartsWith("gpu", StringComparison.OrdinalIgnoreCase) ? gres[3..].TrimStart(':')
            : Options.GetValueOrDefault("gpus") ?? Options.GetValueOrDefault("gpus-per-node") ?? Options.GetValueOrDefault("gpus-per-task");
        if (spec is null) return null;
        var fields = spec.Split(':');
        var count = fields.Length > 0 && int.TryParse(fields[^1], out var n) ? n : 1;
        var model = fields.Length > 1 && Regex.IsMatch(fields[0], @"^(?:a100|h100|h200|a30|a40|a10|l4|l40s?|v100|t4)$", RegexOptions.IgnoreCase) ? fields[0].ToLowerInvariant() : "";
        return (count, model);
    }

    // Slurm's sizes are binary, in megabytes when no unit is given: "64G" is 64Gi, "4000" is 4000Mi.
    private string? Memory()
    {
        if (Options.GetValueOrDefault("mem") is not { } mem) return null;
        var m = Regex.Match(mem, @"^(\d+)([KMGT]?)B?$", RegexOptions.IgnoreCase);
        if (!m.Success) return null;
        var unit = m.Groups[2].Value.ToUpperInvariant() switch { "K" => "Ki", "G" => "Gi", "T" => "Ti", _ => "Mi" };
        return m.Groups[1].Value + unit;
    }
}
