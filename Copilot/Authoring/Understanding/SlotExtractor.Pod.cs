using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>What a request states about the pod beyond its main container: /dev/shm, an init container, sidecars, tolerations.</summary>
public static partial class SlotExtractor
{
    // "/dev/shm", "shm", "shared memory" and its translations ("sdílená paměť", "dijeljena memorija", "memòria compartida", "memoria condivisa", "gemeinsamer Speicher").
    [GeneratedRegex(@"/dev/shm|(?<![\w])shm(?![\w])|shared\s+mem\w*|sdílen\w*\s+pam\w*|sdilen\w*\s+pam\w*|dijeljen\w*\s+memorij\w*|zajedničk\w*\s+memorij\w*|memòria\s+compartida|memoria\s+condivisa|gemeinsame\w*\s+speicher", RegexOptions.IgnoreCase)]
    private static partial Regex ShmWord();

    [GeneratedRegex(@"(?<![\w])init[\s\-]?contain\w*|(?<![\w])initContainers?(?![\w])|(?<![\w])init[\s\-]?kontejner\w*|(?<![\w])init[\s\-]?contenidor\w*|(?<![\w])init[\s\-]?contenitor\w*", RegexOptions.IgnoreCase)]
    private static partial Regex InitContainerWord();

    [GeneratedRegex(@"(?<![\w])side[\s\-]?cars?(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex SidecarWord();

    [GeneratedRegex(@"(?<![\w])(?:toleration\w*|tolerat\w*|toleranc\w*|tolerac\w*|toleri\w*|tolerá\w*|toleràn\w*|toleranz\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex TolerationWord();

    [GeneratedRegex(@"^(?:[\s,:(]+(?:the|a|an|na|per|für|fur|for|on|to|al|alla|la|el|le|il|die|den|der|das|taint|tainta|taintu|s|se|con|amb|mit|pro|za)(?![\w]))*[\s,:(]+[`""']?(?<key>[a-z0-9][a-z0-9./\-]*[a-z0-9])(?:=(?<value>[\w.\-]+))?(?::(?<effect>NoSchedule|PreferNoSchedule|NoExecute))?", RegexOptions.IgnoreCase)]
    private static partial Regex TolerationAfter();

    [GeneratedRegex(@"(?<![\w./\-])(?<key>[a-z0-9][a-z0-9./\-]*[a-z0-9])(?:=(?<value>[\w.\-]+))?:(?<effect>NoSchedule|PreferNoSchedule|NoExecute)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex TaintWithEffect();

    /// <summary>The /dev/shm size: a size written within a few words of a shared-memory word.</summary>
    private static (string? Size, int Index) ShmSize(string text, IEnumerable<(string Quantity, string Following, int Index)> sizes)
    {
        var words = ShmWord().Matches(text).ToList();
        foreach (var s in sizes)
            if (words.Any(w => Math.Abs(w.Index - s.Index) <= 24 || s.Index > w.Index && s.Index - (w.Index + w.Length) <= 12)) return (s.Quantity, s.Index);
        return (null, -1);
    }

    /// <summary>Images named after a sidecar word: each is a container beside the main one.</summary>
    private static IReadOnlyList<string> Sidecars(string text, string? main)
    {
        var sidecar = SidecarWord().Match(text);
        if (!sidecar.Success) return [];
        // "a sidecar nginx:1.27": a catalogue image written as name:tag, without a registry, counts as well.
        var after = text[sidecar.Index..];
        return RegistryImages(after).Concat(BareImage().Matches(after).Where(m => KnownImages.Find(m.Groups[1].Value[..m.Groups[1].Value.LastIndexOf(':')]) is not null))
            .OrderBy(m => m.Index).Select(m => m.Groups[1].Value.TrimEnd('.', ',', ')'))
            .Where(i => !string.Equals(i, main, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
    }

    /// <summary>
    /// Node labels the pod must run on: a key=value pair after "nodeSelector" or after nodes said to carry a label
    /// ("nodeSelector gpu=a100", "on nodes labelled pool=gpu", "na čvorovima s oznakom", "auf Knoten mit dem Label").
    /// </summary>
    private static IReadOnlyDictionary<string, string> NodeSelector(string text)
    {
        var result = new Dictionary<string, string>();
        foreach (Match m in NodeSelectorPair().Matches(text)) result.TryAdd(m.Groups["key"].Value, m.Groups["value"].Value);
        return result;
    }

    [GeneratedRegex(@"(?:(?<![\w])node\s*-?\s*selector\w*|(?<![\w])(?:nodes?|uzl\w*|uzel|čvor\w*|cvor\w*|nodi|nodo|knoten)\s+(?:labell?ed|with\s+(?:the\s+)?label|s\s+(?:labelem|oznakom|štítkem)|amb\s+(?:l'|la\s+)?etiqueta|con\s+(?:l'|la\s+)?etichetta|mit\s+(?:dem\s+)?label))\s*[:=]?\s*[`""']?(?<key>[a-z0-9][a-z0-9./\-]*)=(?<value>[a-z0-9][a-z0-9.\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NodeSelectorPair();

    private static bool NamedForSidecar(string text, string? image) =>
        image is not null && SidecarWord().Match(text) is { Success: true } word && text.IndexOf(image, word.Index, StringComparison.OrdinalIgnoreCase) is var at and >= 0
        && at - (word.Index + word.Length) <= 24;

    /// <summary>Labels the object is given: key=value pairs after a label word ("label team=vision", "das Label team=vision", "oznaku tim=vid"), not a node's labels.</summary>
    private static IReadOnlyDictionary<string, string> ObjectLabels(string text)
    {
        var nodeKeys = NodeSelectorPair().Matches(text).Select(m => m.Groups["key"].Index).ToHashSet();
        var result = new Dictionary<string, string>();
        foreach (Match m in LabelledPair().Matches(text))
            if (!nodeKeys.Contains(m.Groups["key"].Index)) result.TryAdd(m.Groups["key"].Value, m.Groups["value"].Value);
        return result;
    }

    [GeneratedRegex(@"(?<![\w])(?:labels?|labelu|labelem|oznak\w*|štít\w*|etiquet\w*|etichett\w*)\s*[:=]?\s*[`""']?(?<key>[a-z0-9][a-z0-9./\-]*)=(?<value>[a-z0-9][a-z0-9.\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledPair();

    /// <summary>The taints the words ask to tolerate: a key (with "=value" and ":Effect" when written) after a toleration word.</summary>
    private static IReadOnlyList<TolerationSlot> Tolerations(string text)
    {
        var result = new List<TolerationSlot>();
        foreach (Match word in TolerationWord().Matches(text))
        {
            var after = TolerationAfter().Match(text[(word.Index + word.Length)..]);
            if (!after.Success || Stop.Contains(after.Groups["key"].Value) || result.Any(t => t.Key == after.Groups["key"].Value)) continue;
            result.Add(new TolerationSlot(after.Groups["key"].Value, after.Groups["value"].Success ? after.Groups["value"].Value : null,
                after.Groups["effect"].Success ? after.Groups["effect"].Value : null));
        }
        // "the nodes got tainted (nvidia.com/gpu:NoSchedule) … add the toleration": the taint is written elsewhere, with its effect.
        if (result.Count == 0 && TolerationWord().IsMatch(text))
            foreach (Match taint in TaintWithEffect().Matches(text))
                if (result.All(t => t.Key != taint.Groups["key"].Value))
                    result.Add(new TolerationSlot(taint.Groups["key"].Value, taint.Groups["value"].Success ? taint.Groups["value"].Value : null, taint.Groups["effect"].Value));
        return result;
    }
}
