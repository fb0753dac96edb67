using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>What a request states for the cluster-policy kinds: an autoscaler's bounds and target, a NetworkPolicy's sources, a quota's pod count, a Secret's keys.</summary>
public static partial class SlotExtractor
{
    // "min 2", "min two", "minimalno dvije".
    private static readonly Regex MinCountRegex = new(@"(?<![\w])m[ií]n\w*\.?\s*[:=]?\s*" + Counting.CountPattern(3) + @"(?![\w.])", RegexOptions.IgnoreCase);
    private static Regex MinCount() => MinCountRegex;

    private static readonly Regex MaxCountRegex = new(@"(?<![\w])m[aà]x\w*\.?\s*[:=]?\s*" + Counting.CountPattern(3) + @"(?![\w.])", RegexOptions.IgnoreCase);
    private static Regex MaxCount() => MaxCountRegex;

    // "3 až 12", "2-10", "da 1 a 5", "from 2 to 10", "od 2 do 10", "von 2 bis 10", "de 2 a 8", "2 to 10".
    [GeneratedRegex(@"(?<![\w.])(\d{1,3})\s*(?:-|–|až|az|to|a|do|bis|fins\s+a|fino\s+a)\s*(\d{1,3})(?![\w.%])", RegexOptions.IgnoreCase)]
    private static partial Regex CountRange();

    // "between 2 and 10", "entre 2 i 8", "između 2 i 6", "mezi 2 a 8", "tra 2 e 8", "zwischen 2 und 8": "and" joins a range only after "between".
    [GeneratedRegex(@"(?<![\w])(?:between|entre|izme\w+|mezi|tra|fra|zwischen)\s+(\d{1,3})\s+(?:and|und|i|a|e|y)\s+(\d{1,3})(?![\w.%])", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenRange();

    // "up to 10", "do 10", "až 10", "fins a 10", "fino a 10", "bis 10": an upper bound alone.
    [GeneratedRegex(@"(?<![\w])(?:up\s+to|do|až|az|fins\s+a|fino\s+a|bis\s+(?:zu\s+)?)\s*(\d{1,3})(?![\w.%])", RegexOptions.IgnoreCase)]
    private static partial Regex UpTo();

    [GeneratedRegex(@"(\d{1,3})\s*%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<![\w])(\d{1,4})\s*pod(?:s|ova|ů|u|i)?(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex PodCount();

    [GeneratedRegex(@"(?<![\w])(egress|outbound|odlazn\w*|izlazn\w*|odchoz\w*|sortint\w*|in\s+uscita|uscent\w*|ausgehend\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex EgressWord();

    [GeneratedRegex(@"(?<![\w])(?:namespace\w*|ns)\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9\-]*[a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex NamespaceMention();

    [GeneratedRegex(@"(?<![\w])([a-z][a-z0-9./\-]*)=([a-z0-9][a-z0-9.\-]*)(?![\w=])")]
    private static partial Regex LabelPair();

    [GeneratedRegex(@"(?<![\w])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w])")]
    private static partial Regex KeyName();

    /// <summary>An autoscaler's bounds ("min 2 max 10", "3 až 12 replik", "da 1 a 5 repliche"), target ("70% cpu", "memoria supera l'80%") and the workload named beside its kind word.</summary>
    private static AutoscalingSlot Autoscaling(string text)
    {
        int? Number(Match m, int group = 1) => m.Success ? Counting.Value(m.Groups[group].Value) : null;
        var range = BetweenRange().Match(text) is { Success: true } between ? between : CountRange().Match(text);
        var min = Number(MinCount().Match(text)) ?? Number(range);
        var max = Number(MaxCount().Match(text)) ?? Number(range, 2) ?? Number(UpTo().Match(text));
        var metric = Vocabulary.MemoryNoun.IsMatch(text) ? "memory" : "cpu";
        var (target, kind) = ScaledWorkload(text);
        return new AutoscalingSlot(min, max, Number(Percent().Match(text)), metric, target, kind);
    }

    /// <summary>The workload an autoscaler scales: the name right after its kind word ("deployment web"), else right before it ("my api deployment").</summary>
    private static (string? Name, string Kind) ScaledWorkload(string text)
    {
        foreach (var kind in new[] { ResourceKind.Deployment, ResourceKind.StatefulSet })
            foreach (Match m in Vocabulary.Kinds[kind].Matches(text))
            {
                var after = Regex.Match(text[(m.Index + m.Length)..], @"^\s*[`""']?([a-z][a-z0-9\-]*[a-z0-9])(?![\w])", I);
                if (after.Success && !Stop.Contains(after.Groups[1].Value) && !Vocabulary.Kinds.Values.Any(k => k.IsMatch(after.Groups[1].Value)))
                    return (after.Groups[1].Value.ToLowerInvariant(), kind.ToString());
                var before = Regex.Match(text[..m.Index], @"(?<![\w])([a-z][a-z0-9\-]*[a-z0-9])\s+$", I);
                if (before.Success && !Stop.Contains(before.Groups[1].Value) && !Vocabulary.Kinds.Values.Any(k => k.IsMatch(before.Groups[1].Value)))
                    return (before.Groups[1].Value.ToLowerInvariant(), kind.ToString());
            }
        return (null, nameof(ResourceKind.Deployment));
    }

    // "from", "iz", "z", "des del", "dal", "von", "aus": a namespace after one is where traffic comes from.
    [GeneratedRegex(@"(?<![\w])(?:from|iz|z|ze|des\s+del?|dal|dalla|dai|da|von|vom|aus|excepte\s+des\s+del?|except\s+from|osim\s+iz|kromě\s+z)\s+(?:the\s+|il\s+|el\s+|dem\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromWordBefore();

    /// <summary>Namespaces named, each with whether a "from" word introduces it (a source of traffic rather than the policy's own namespace).</summary>
    private static List<(string Name, bool Source)> Namespaces(string text) => NamespaceMention().Matches(text)
        .Where(m => !Stop.Contains(m.Groups[1].Value))
        .Select(m => (m.Groups[1].Value.ToLowerInvariant(), FromWordBefore().IsMatch(text[..m.Index])))
        .DistinctBy(n => n.Item1).ToList();

    /// <summary>The policy's own namespace: the first named without a "from" word before it.</summary>
    private static string? PolicyNamespace(string text) => Namespaces(text).FirstOrDefault(n => !n.Source).Name;

    /// <summary>A NetworkPolicy's direction and allowed sources: pods by label ("app=frontend") and the namespaces named after a "from" word, or after the policy's own.</summary>
    private static TrafficSlot Traffic(string text)
    {
        var all = Namespaces(text);
        var own = all.FirstOrDefault(n => !n.Source).Name;
        var namespaces = all.Where(n => n.Name != own).Select(n => n.Name).Prepend(own ?? "").ToList();
        // "only app=api may reach the database (app=postgres)": a pair after a "from" word, else the first of its key, is where
        // traffic may come from; a later pair of a key already seen names the pods the policy protects.
        var pairs = LabelPair().Matches(text).Select(m => (Key: m.Groups[1].Value, Value: m.Groups[2].Value, From: FromWordBefore().IsMatch(text[..m.Index]))).ToList();
        var anyFrom = pairs.Any(p => p.From);
        var labels = new Dictionary<string, string>();
        var protectedPods = new Dictionary<string, string>();
        foreach (var (key, value, from) in pairs)
            if (anyFrom ? from : !labels.ContainsKey(key)) labels.TryAdd(key, value);
            else if (!(labels.TryGetValue(key, out var same) && same == value)) protectedPods.TryAdd(key, value);
        // "do api-ja na 8080", "port 443": the ports the allowed traffic goes to.
        var ports = Regex.Matches(text, @"(?<![\w])(?:port\w*|on|na|to|auf|al|sulla|a|zu)\s+(\d{2,5})(?![\w.])", I)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        return new TrafficSlot(EgressWord().IsMatch(text), labels, namespaces.Skip(1).ToList(), ports) { PodLabels = protectedPods };
    }

    /// <summary>The name right after a Secret's or ConfigMap's kind word ("secret db-creds", "configmap app-config"), or null.</summary>
    private static string? NameAfterKind(string text, ResourceKind kind)
    {
        foreach (Match m in Vocabulary.Kinds[kind].Matches(text))
        {
            var after = Regex.Match(text[(m.Index + m.Length)..], @"^\s+[`""']?([a-z][a-z0-9\-]*[a-z0-9])(?![\w=])", I);
            if (!after.Success) continue;
            var word = after.Groups[1].Value.ToLowerInvariant();
            if (Stop.Contains(word) || Vocabulary.NameMarker.IsMatch(word) || Vocabulary.EnvWord.IsMatch(word) || Vocabulary.Kinds.Values.Any(k => k.IsMatch(word))) continue;
            return word;
        }
        return null;
    }

    private static int? Pods(string text) => PodCount().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Keys a Secret is to hold: the upper-case names with an underscore the words list, and the keys of literal pairs
    /// ("from literals username=admin and password=…", as kubectl's --from-literal takes them); their values are never copied.
    /// </summary>
    private static IReadOnlyList<string> SecretKeys(string text) =>
        KeyName().Matches(text).Select(m => m.Value).Concat(Pairs(text, upperOnly: false).Keys).Distinct().ToList();
    /// <summary>A name quoted right after the kind word: <c>deployment "dashboard"</c>, <c>statefulset 'pgdb'</c>.</summary>
    // "deployment 'api'", or "deployment dask-worker": a word right after the kind that is shaped as a name (quoted, or joined by a hyphen,
    // and not an image, a path or a known word).
    private static string? QuotedNameAfterKind(string text, ResourceKind kind) =>
        Vocabulary.Kinds[kind].Matches(text).Select(m => Regex.Match(text[(m.Index + m.Length)..], @"^\s*[`""'„“]([a-z0-9][a-z0-9\-]*[a-z0-9])[`""'”“]|^\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w\-./:@])", I))
            .Where(a => a.Success).Select(a => (a.Groups[1].Success ? a.Groups[1].Value : a.Groups[2].Value).ToLowerInvariant())
            .FirstOrDefault(name => !Vocabulary.Kinds.Values.Any(k => k.IsMatch(name)) && KnownImages.Find(name) is null);

    /// <summary>A CronJob's concurrencyPolicy, by the field's name or by its value written as the API spells it ("(Replace)", "Forbid").</summary>
    private static string? ConcurrencyPolicy(string text) =>
        Match(text, @"concurrency\s*-?\s*policy\s*[:=]?\s*[`""']?(Allow|Forbid|Replace)\b") is { } named ? char.ToUpperInvariant(named[0]) + named[1..].ToLowerInvariant()
        : Regex.Match(text, @"(?<![\w])(Allow|Forbid|Replace)(?![\w])") is { Success: true } value ? value.Groups[1].Value : null;

    /// <summary>How many successful Jobs to keep: "successfulJobsHistoryLimit 5", "keep the last 5 successful jobs".</summary>
    private static int? SuccessfulHistory(string text) =>
        (Match(text, @"successful\s*-?\s*jobs\s*-?\s*history\s*-?\s*limit\s*[:=]?\s*(\d{1,3})")
         ?? Match(text, @"(?:last|posljednj\w*|zadnj\w*|posledních|últim\w*|ultim\w*|letzten)\s+(\d{1,3})\s+(?:\w+\s+)?(?:successful|uspješn\w*|úspěšn\w*|correct\w*|exitos\w*|riuscit\w*|complet\w*|erfolgreich\w*)")) is { } n
            ? int.Parse(n, CultureInfo.InvariantCulture) : null;
    /// <summary>The name-like value written right after <paramref name="at"/> ("storageclass nfs-client"), or null when a function word or name marker follows.</summary>
    internal static string? ValueAfter(string text, int at)
    {
        var after = Regex.Match(text[at..], @"^\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9.\-]*[a-z0-9]|[a-z0-9])(?![\w])", I);
        if (!after.Success) return null;
        var word = after.Groups[1].Value;
        return Stop.Contains(word) || Vocabulary.NameMarker.IsMatch(word) || Vocabulary.Numbers.ContainsKey(word.ToLowerInvariant()) || Vocabulary.Kinds.Values.Any(k => k.IsMatch(word)) ? null : word;
    }
}
