using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>CPU and memory: sizes told apart by use (storage, memory limit, memory request, /dev/shm), the CPU limit and request.</summary>
public static partial class SlotExtractor
{
    [GeneratedRegex(@"(?<![\w])speicher(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex AmbiguousMemoryNoun();

    // "memory limit 1.5Gi", "RAM: 4Gi", "ein Speicherlimit von 2 GiB" (the limit word joined to the noun, as German compounds it).
    [GeneratedRegex(@"(?<![\w])(?:memory|mem|ram|memorij\w*|paměť\w*|pameti|paměti|memòria|memoria|arbeitsspeicher|speicher)(?:[\s\-]*(?:limit\w*|request\w*|limite|límit|zahtjev\w*))?\s*[:=]?\s*(?:(?:na|to|at|a|auf|su|de|di|of|von|od)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryNounJustBefore();

    [GeneratedRegex(@"(?<![\w])(?:requests?|request\w*|zahtjev\w*|požadav\w*|petici\w*|richiest\w*|anforderung\w*)\s*[:=]?\s*(?:(?:na|to|a|auf|su|de|di|of|od)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RequestWordJustBefore();

    /// <summary>The CPU request when stated apart from the limit: "cpu: 250m request", "request 500m cpu", "cpu request 0.25".</summary>
    private static string? CpuRequest(string text)
    {
        const string number = @"(\d+m|\d+(?:\.\d+)?)";
        const string request = @"(?:requests?|zahtjev\w*|požadav\w*|petici\w*|richiest\w*|anforderung\w*)";
        return Match(text, number + @"\s*(?:v?cpus?\s*|cores?\s*)?" + request + @"\b")
            ?? Match(text, @"\b(?:v?cpus?|cores?)\s*" + request + @"\s*[:=]?\s*" + number + @"(?![\w.])")
            ?? Match(text, request + @"\s*[:=]?\s*" + number + @"\s*(?:v?cpus?|cores?)\b");
    }

    /// <summary>The CPU count stated ("8 cpus", "16 jezgri", "half a cpu" → 500m).</summary>
    private static string? Cpu(string text)
    {
        const string unit = @"(?:v?cpus?|cores?|jezgr\w*|jader|jádr\w*|nuclis?|nuclei|kerne?)\b";
        // "1000 millicores", "500 millicpu": Kubernetes' own unit, written out.
        if (Regex.Match(text, @"(?<![\w.])(\d+)\s*(?:milli-?cores?|milli-?cpus?|millicore\w*)", I) is { Success: true } milli) return milli.Groups[1].Value + "m";
        // "half a core", "un quart de nucli", "ner viertel cpu": a fraction word, perhaps "a"/"of"/"de"/"di", then the unit.
        const string fraction = @")\s+(?:a\s+|(?:of|de|di|od)\s+(?:a\s+)?)?";
        if (Regex.Match(text, @"(?<![\w])(?:" + Vocabulary.Half + fraction + unit, I) is { Success: true }) return "500m";
        if (Regex.Match(text, @"(?<![\w])(?:" + Vocabulary.Quarter + fraction + unit, I) is { Success: true }) return "250m";
        // A number with a request word after it is the request ("250m cpu request"), not the limit. "200m de cpu", "0,5 jezgre":
        // a preposition may stand between the number and its unit, and a decimal comma is a decimal point.
        var limit = Regex.Matches(text, @"(?<![\w.,])(\d+(?:[.,]\d+)?|\d+m)\s*(?:(?:of|de|di|od)\s+)?" + unit, I).FirstOrDefault(m => !Regex.IsMatch(text[(m.Index + m.Length)..], @"^\s*request", I))?.Groups[1].Value
            // "cap the cpu at 0.5", "setze die cpu auf 0.5", "cpu limit: 2": the number after the CPU word.
            // "límit de cpu 250m", "cpu limit 2": the number may follow the CPU word directly.
            ?? Match(text, @"(?<![\w])(?:v?cpus?|cores?)\s*(?:limit\w*)?\s*(?:(?:at|to|na|auf|a|su|de|[:=])\s*)?(\d{1,3}(?:[.,]\d+)?|\d+m)(?![\w.%])(?!\s*(?:%|request))");
        return limit?.Replace(',', '.');
    }

    /// <summary>The sizes a request states, told apart by use: storage, the memory limit, the memory request, /dev/shm.</summary>
    private static (string? Storage, string? Memory, string? MemoryRequest, string? Shm) SizesByUse(string text, ResourceKind kind, bool database, bool sizedPerReplica)
    {
        var sizes = Counting.Sizes(text).Where(s => !InsideMigProfile(text, s.Index)).ToList();
        // A size stated for /dev/shm is neither storage nor the memory limit.
        var (shm, shmAt) = ShmSize(text, sizes);
        sizes.RemoveAll(s => s.Index == shmAt);
        // A size named as RAM, or one a limit word stands before ("limit it to 500 megs", "begrenzt auf 512 mb Speicher"), is memory.
        // So is one right after a memory noun ("memory limit 1.5Gi", "RAM: 4Gi"), and, in a workload that names no volume,
        // one the German "Speicher" names (storage or memory; a pod without a volume has only memory to size).
        var volumeless = !ClaimWord().IsMatch(text) && AbsolutePath().Matches(text).All(p => p.Value.StartsWith("/dev/shm", StringComparison.Ordinal));
        // A pod that names no volume, disk, storage class or access mode, and holds no database, has only memory to size ("give it 2 gigs").
        // A Job that names a database works on it ("dump the postgres db"); a Deployment that names one may hold it.
        var onlyMemory = volumeless && !sizedPerReplica && !Vocabulary.StorageNoun.IsMatch(text) && StorageClassOf(text, true) is null && Access(text) is null
            && (kind is ResourceKind.Job or ResourceKind.CronJob || kind == ResourceKind.Deployment && !database);
        bool IsMemory((string Quantity, string Following, int Index) s) => Vocabulary.MemoryNoun.IsMatch(FirstWords(s.Following, 3))
            || Vocabulary.Limit.IsMatch(Before(text, s.Index, 40)) && !Vocabulary.StorageNoun.IsMatch(Before(text, s.Index, 40))
            || MemoryNounJustBefore().IsMatch(Before(text, s.Index, 40))
            || volumeless && kind is ResourceKind.Job or ResourceKind.CronJob or ResourceKind.Deployment && AmbiguousMemoryNoun().IsMatch(FirstWords(s.Following, 2))
            || onlyMemory;
        // "memory request 1.5Gi, limit 3Gi", "request na 3Gi": a size a request word stands just before is the request, not the limit.
        bool IsRequest((string Quantity, string Following, int Index) s) => RequestWordJustBefore().IsMatch(Before(text, s.Index, 24));
        var storage = sizes.FirstOrDefault(s => !IsMemory(s) && !IsRequest(s) && !GpuModelBefore(text, s.Index)).Quantity;
        var memory = sizes.FirstOrDefault(s => IsMemory(s) && !IsRequest(s)).Quantity;
        var memoryRequest = sizes.FirstOrDefault(IsRequest).Quantity;
        // A LimitRange bounds containers: the size it names is their memory, whatever noun follows ("2Gi Speicher").
        if (kind == ResourceKind.LimitRange && memory is null) (memory, storage) = (storage, null);
        return (storage, memory, memoryRequest, shm);
    }
}
