using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>Claims and their mount paths, the storage class and the access mode.</summary>
public static partial class SlotExtractor
{
    // A path's segments end in a letter, digit or '-', so a sentence's full stop is not part of it ("… in /data.").
    [GeneratedRegex(@"(?<![\w:/.])(/[\w.\-]*[\w\-](?:/[\w.\-]*[\w\-])*)/?")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"\b(rwx|read[\s\-]?write[\s\-]?many)\b|\b(rwo|read[\s\-]?write[\s\-]?once)\b|\b(rox|read[\s\-]?only[\s\-]?many)\b|\b(rwop|read[\s\-]?write[\s\-]?once[\s\-]?pod)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AccessMode();

    [GeneratedRegex(@"storage\s*-?\s*class(?:name)?\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9.\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex StorageClass();

    // "on the ceph-block storage class": the name before the words.
    [GeneratedRegex(@"(?<![\w\-])([a-z0-9][a-z0-9.\-]*[a-z0-9])\s+storage\s*-?\s*class", RegexOptions.IgnoreCase)]
    private static partial Regex StorageClassBefore();

    // "sulla classe standard", "na klasi fast", "ve třídě ssd", "auf der Klasse premium": the word "class" of a language alone, its name after it.
    [GeneratedRegex(@"(?<![\w\-])(?:class|classe|klas[aeiu]|třídě|třídu|třída|klasse)\s+[`""']?([a-z0-9][a-z0-9.\-]*[a-z0-9])(?![\w\-])", RegexOptions.IgnoreCase)]
    private static partial Regex ClassNoun();

    // Storage classes named after their provisioner, which people name without the words "storage class" ("40Gi na longhorn"),
    // also with a case ending ("na longhornu", "s cephfs-em").
    [GeneratedRegex(@"(?<![\w\-/])(longhorn(?:-[\w\-]+)?|ceph-[\w\-]+|cephfs|rook-[\w\-]+|nfs-[\w\-]+|local-path|openebs-[\w\-]+|gp[23]|csi-[\w\-]+)(?:u|a|om|em|e|y|ovi|ech)?(?![\w\-/])", RegexOptions.IgnoreCase)]
    private static partial Regex ProvisionerClass();

    // "existing", "postojeći", "existující", "existent", "esistente", "bestehenden": an object that is there already, which names nothing.
    private const string Existing = @"existing|postoje\w*|existuj\w*|stávaj\w*|existent\w*|esistent\w*|bestehend\w*|vorhanden\w*";

    internal static List<ClaimSlot> Claims(string text)
    {
        var result = new List<ClaimSlot>();
        var patterns = new[]
        {
            // "pvc named data", "pvc 'raw-data'", "pvc-om dataset", "PVC dataset"
            // "pvc existent cercador-index", "il pvc esistente dataset-raw", a table row "pvc existent | cercador-index": a word for "existing"
            // may stand between the claim word and its name.
            @"(?<![\w])(?:pvc|persistent\s?volume\s?claim|volume\s?claim|claim)(?:-?[a-zšžčćđ]{1,3})?(?::\s*|\s+)(?:(?:" + Existing + @")(?::\s*|\s+))?(?:(?:named|called|imena|naziva|jménem|anomenat|chiamato|namens)\s+)?[`""']?([a-z][a-z0-9\-]*)",
            // "my dataset PVC", "the results pvc", "Checkpoints-PVC"
            @"(?<![\w])([a-z][a-z0-9\-]*)[\s\-]+(?<kw>pvc|persistent\s?volume\s?claim|volume\s?claim|claim)s?(?![\w])(?!\s+(?:named|called|imena|naziva|jménem|anomenat|chiamato|namens)\b)",
        };
        // "trebam PVC scratch": a claim word already named by what follows it does not take the word before it too.
        var namedAfter = new HashSet<int>();
        foreach (var pattern in patterns)
            foreach (Match m in Regex.Matches(text, pattern, I))
            {
                if (m.Groups["kw"] is { Success: true } kw && namedAfter.Contains(kw.Index)) continue;
                var name = m.Groups[1].Value.ToLowerInvariant().Trim('-');
                if (Stop.Contains(name) || Regex.IsMatch(name, "^(?:" + Existing + ")$", I) || Vocabulary.Numbers.ContainsKey(name) || Vocabulary.Kinds.Values.Any(k => k.IsMatch(name) && k.Match(name).Length == name.Length)
                    || Vocabulary.GigaWord.IsMatch(name) || result.Any(c => c.Name == name)) continue;
                if (!m.Groups["kw"].Success) namedAfter.Add(m.Index);
                result.Add(new ClaimSlot(name, NearestPath(text, m.Index, m.Index + m.Length)));
            }
        return result;
    }

    /// <summary>The absolute path stated just after the claim (or, failing that, just before it).</summary>
    private static string? NearestPath(string text, int start, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 40)];
        // Stop at the next claim, whose path that is.
        if (Regex.Match(window, @"(?<![\w])(pvc|claim)", I) is { Success: true } next) window = window[..next.Index];
        // The window may end inside the path ("… montira na /scr|atch"): the path is read whole from the text.
        var after = AbsolutePath().Match(window);
        if (after.Success) return AbsolutePath().Match(text, end + after.Index) is { Success: true } whole ? whole.Groups[1].Value : after.Groups[1].Value;
        var from = Math.Max(0, start - 30);
        var before = AbsolutePath().Matches(text[from..start]).LastOrDefault();
        return before?.Groups[1].Value;
    }

    private static string? MountPath(string text) =>
        Regex.Match(text, @"(?:mount\w*|montira\w*|připoj\w*|munta\w*|montat\w*|mont\w*|einhäng\w*|unter|at|on|na|a|su|in|v|ve|en|auf)\s+(/[\w.\-]*[\w\-](?:/[\w.\-]*[\w\-])*)", I) is { Success: true } m
        && Regex.IsMatch(text, @"\b(mount\w*|montira\w*|připoj\w*|munta\w*|montat\w*|mont\w*|einhäng\w*|volume\w*|pvc|disk\w*|svazek|volum\w*)\b", I)
            ? m.Groups[1].Value : null;

    [GeneratedRegex(@"(?<![\w])(?:pvcs?|claims?|volumes?|mount\w*|montira\w*|munta\w*|montat\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimWord();

    private static string? StorageClassOf(string text, bool sized)
    {
        if (StorageClass().Match(text) is { Success: true } after && !Stop.Contains(after.Groups[1].Value)) return after.Groups[1].Value;
        if (StorageClassBefore().Match(text) is { Success: true } before && !Stop.Contains(before.Groups[1].Value)
            && !Regex.IsMatch(before.Groups[1].Value, "^(?:default|any|some|same|which|what|right|new)$", I)) return before.Groups[1].Value;
        // Only beside a size: "class" alone names a storage class where storage is asked for.
        if (sized && ClassNoun().Match(text) is { Success: true } classNamed && !Stop.Contains(classNamed.Groups[1].Value)) return classNamed.Groups[1].Value;
        return sized && ProvisionerClass().Match(text) is { Success: true } named ? named.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static string? Access(string text)
    {
        var m = AccessMode().Match(text);
        if (!m.Success) return null;
        return m.Groups[1].Success ? "ReadWriteMany" : m.Groups[2].Success ? (m.Value.ToLowerInvariant().Contains("pod") ? "ReadWriteOncePod" : "ReadWriteOnce")
            : m.Groups[3].Success ? "ReadOnlyMany" : "ReadWriteOncePod";
    }
}
