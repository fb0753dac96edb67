using System.Text;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// The slots of a request about a pasted manifest: whether it states a change at all, the values to
/// set, what to take out, a new name, and which container or document the words point at.
/// </summary>
public static partial class SlotExtractor
{
    // A question mark that ends a sentence, at the end of a line or before the next sentence ("… every night at 3? the timing looks wrong").
    [GeneratedRegex(@"\?(?=[\s)!.]*$|\s)", RegexOptions.Multiline)]
    private static partial Regex QuestionMark();

    [GeneratedRegex(@"[,;\n]|\.(?=\s|$)|:(?=\s|$)")]
    private static partial Regex ClauseBreak();

    // Verbs that add beside what is there ("add port 9090"), as opposed to set or change.
    [GeneratedRegex(@"(?<![\w])(add|adds|adding|dodaj\w*|přidej\w*|pridej\w*|přidat|afegeix\w*|afegir|aggiungi\w*|aggiungere|füge|hinzufügen|ergänze\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex AddVerb();

    // "instead of", "umjesto", "místo", "en lloc de", "invece di", "statt": the new value replaces the old one.
    [GeneratedRegex(@"(?<![\w])(instead|umjesto|místo|misto|en\s+lloc|invece|anziché|statt|anstatt|anstelle)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex InsteadWord();

    [GeneratedRegex(@"(?<![\w])(liveness)", RegexOptions.IgnoreCase)]
    private static partial Regex LivenessWord();

    [GeneratedRegex(@"(?<![\w])(readiness)", RegexOptions.IgnoreCase)]
    private static partial Regex ReadinessWord();

    [GeneratedRegex(@"(?<![\w])(startup)", RegexOptions.IgnoreCase)]
    private static partial Regex StartupWord();

    // Probe nouns as the six languages write them: probe/probu/proba, sonda/sondu, health check.
    [GeneratedRegex(@"(?<![\w])(prob[aeuy]?s?|sond\w*|health\s?checks?)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex ProbeWord();

    [GeneratedRegex(@"(?<![\w])l[ií]mit\w*", RegexOptions.IgnoreCase)]
    private static partial Regex LimitNoun();

    [GeneratedRegex(@"(?<![\w])(requests?|requesty|zahtjev\w*|požadav\w*|pozadav\w*|petici\w*|richiest\w*|anforderung\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex RequestNoun();

    [GeneratedRegex(@"(?<![\w])(v?cpus?|cores?|jezgr\w*|jád\w*|jader|nuclis?|nuclei|kerne?)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex CpuWord();

    [GeneratedRegex(@"(?<![\w])([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{4,})(?![\w])")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"(?<![\w./:-])([a-z][\w.\-]*(?:/[\w.\-]+)*:[\w.\-]*\d[\w.\-]*)(?![\w/:])", RegexOptions.IgnoreCase)]
    private static partial Regex BareImage();

    // "#2", "container 2", "container no. 2" — but not "give the container 2 gpus", where the number counts something.
    [GeneratedRegex(@"(?<![\w])#\s?(\d)(?![\w])|(?:container\w*|kontejner\w*|contenidor\w*|contenitor\w*)\s+(?:n(?:o|r|um)?\.?\s*)?(\d)(?![\w.])(?!\s*[×x]?\s*\p{L}{2,}(?<!\b(?:to|na|a|auf|in|and|i|e|und|al|su)))", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedContainer();

    [GeneratedRegex(@"[a-z0-9][a-z0-9\-.]*[a-z0-9]|[a-z0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex NameToken();

    /// <summary>
    /// The slots of a change to a pasted manifest ("add pvc datasets at /data to this", "remove the
    /// limits", "rename it to trainer-v2", "LOG_LEVEL=debug on the sidecar"): the paste fixes the kind,
    /// so a claim named in the words is one to mount even when "pvc" is the only kind word. A request
    /// states a change when it is not a question, or when it is a question with a change verb ("can you
    /// bump this to 3 replicas?"). A question without one ("is this ok for 3 replicas?", "passt das so
    /// mit 64gi?") and words that ask for a reason ("why can't I reach it on port 80?") ask for a
    /// review: the values they name describe what the paste is for or what goes wrong, and none is a
    /// change to make.
    /// </summary>
    public static RequestSlots ExtractChange(string request)
    {
        var text = request.Trim();
        if (Vocabulary.ReasonWord.IsMatch(text)) return new RequestSlots();
        // A question asks for a change when it has a change verb or asks someone to act ("könnt ihr das anpassen?", "potete modificarlo?").
        if (QuestionMark().IsMatch(text) && !Vocabulary.ChangeVerb.IsMatch(text) && !Vocabulary.RequestModal.IsMatch(text)) return new RequestSlots();

        // Values inside a clause that takes something out or renames are not values to set ("drop the gpu" adds none).
        var removals = new List<Removal>();
        var envToRemove = new List<string>();
        string? newName = null;
        var kept = new StringBuilder(text);
        foreach (var (start, length) in Clauses(text))
        {
            var clause = text.Substring(start, length);
            var removing = Vocabulary.RemoveVerb.IsMatch(clause);
            var renaming = newName is null && (newName = NewName(clause)) is not null;
            if (!removing && !renaming) continue;
            if (removing) Removals(clause, removals, envToRemove);
            kept.Remove(start, length).Insert(start, new string(' ', length));
        }

        var words = kept.ToString();
        var slots = Extract(words);
        // "runs every hour, which is useless; make it once a day at 3": the schedule of the clause with the change verb is the new one.
        var changing = string.Join(" ", Clauses(words).Select(c => words.Substring(c.Start, c.Length)).Where(c => Vocabulary.ChangeVerb.IsMatch(c)));
        if (ScheduleReader.Read(changing) is { } newSchedule) slots = slots with { Schedule = newSchedule };
        // "radnim danima u 2 umjesto svaki sat": what follows "instead of" is the old schedule; the new one comes before it.
        else if (InsteadWord().Match(words) is { Success: true } instead && ScheduleReader.Read(words[..instead.Index]) is { } before) slots = slots with { Schedule = before };
        if (slots.Claims.Count == 0) slots = slots with { Claims = Claims(words.Trim()) };
        var image = slots.Image ?? (ImageToSet(words) is { } set && !slots.Sidecars.Contains(set) ? set : null);
        return slots with
        {
            Image = image,
            Change = new ChangeSlots
            {
                Removals = removals,
                EnvToRemove = envToRemove,
                NewName = newName,
                ContainerOrdinal = ContainerOrdinal(text),
                Sidecar = Regex.IsMatch(text, @"(?<![\w])sidecar", I),
                Adding = AddVerb().IsMatch(text) && !InsteadWord().IsMatch(text),
                Names = NameToken().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList(),
                Kinds = Vocabulary.Kinds.Where(k => k.Value.IsMatch(newName is null ? text : text.Replace(newName, " ", StringComparison.OrdinalIgnoreCase))).Select(k => k.Key).ToList(),
            },
        };
    }

    /// <summary>
    /// The request's clauses: broken at punctuation and line ends, and before each change verb that does
    /// not take something out, so "togli la readiness probe e metti 2 repliche" is two clauses.
    /// </summary>
    private static IEnumerable<(int Start, int Length)> Clauses(string text)
    {
        var breaks = ClauseBreak().Matches(text).Select(m => m.Index)
            .Concat(Vocabulary.ChangeVerb.Matches(text).Where(m => !Vocabulary.RemoveVerb.IsMatch(m.Value) && !Vocabulary.RenameVerb.IsMatch(m.Value)).Select(m => m.Index))
            .Append(text.Length).Where(b => b > 0).Distinct().Order().ToList();
        var start = 0;
        foreach (var end in breaks)
        {
            if (end > start) yield return (start, end - start);
            start = end;
        }
    }

    /// <summary>What a clause with a removal verb takes out: limits or requests (of CPU, memory or both), probes, GPUs, env variables.</summary>
    private static void Removals(string clause, List<Removal> removals, List<string> envToRemove)
    {
        var cpu = CpuWord().IsMatch(clause);
        var memory = Vocabulary.MemoryNoun.IsMatch(clause);
        if (LimitNoun().IsMatch(clause))
            removals.Add(cpu && !memory ? Removal.CpuLimit : memory && !cpu ? Removal.MemoryLimit : Removal.Limits);
        if (RequestNoun().IsMatch(clause))
            removals.Add(cpu && !memory ? Removal.CpuRequest : memory && !cpu ? Removal.MemoryRequest : Removal.Requests);
        var named = new List<Removal>();
        if (LivenessWord().IsMatch(clause)) named.Add(Removal.LivenessProbe);
        if (ReadinessWord().IsMatch(clause)) named.Add(Removal.ReadinessProbe);
        if (StartupWord().IsMatch(clause)) named.Add(Removal.StartupProbe);
        if (named.Count == 0 && ProbeWord().IsMatch(clause)) named.AddRange([Removal.LivenessProbe, Removal.ReadinessProbe, Removal.StartupProbe]);
        removals.AddRange(named);
        if (GpuWord().IsMatch(clause) || MigWord().IsMatch(clause)) removals.Add(Removal.Gpu);
        foreach (Match m in EnvName().Matches(clause))
            if (m.Value is not ("CPU" or "GPU" or "RAM" or "MIG" or "PVC" or "YAML") && !envToRemove.Contains(m.Value)) envToRemove.Add(m.Value);
    }

    /// <summary>The new name after a rename word: the first word after it that can be a name ("přejmenuj to na trainer-v2", "benenne das deployment in api-v2 um").</summary>
    private static string? NewName(string clause)
    {
        var verb = Vocabulary.RenameVerb.Match(clause);
        if (!verb.Success) return null;
        foreach (Match token in NameToken().Matches(clause[(verb.Index + verb.Length)..]))
        {
            var word = token.Value.ToLowerInvariant();
            if (Stop.Contains(word) || Vocabulary.NameMarker.IsMatch(word) || Vocabulary.ContainerNoun.IsMatch(word) || Regex.IsMatch(word, @"^\d+$")
                || word is "it" or "li" or "lo" or "la" or "ho" or "um" or "en" or "zu" || Vocabulary.Kinds.Values.Any(k => k.Match(word) is { Success: true } m && m.Length == word.Length))
                continue;
            return word.Length > 1 && char.IsLetterOrDigit(word[^1]) ? word : null;
        }
        return null;
    }

    /// <summary>An image to switch to, written without the word "image": a "name:tag" whose tag has a digit ("na busybox:1.36").</summary>
    private static string? ImageToSet(string words)
    {
        foreach (Match m in BareImage().Matches(words))
        {
            var repository = m.Groups[1].Value[..m.Groups[1].Value.LastIndexOf(':')];
            if (Vocabulary.PortNoun.IsMatch(repository) || repository is "localhost" or "http" or "https" || !Regex.IsMatch(repository, "[a-z]{2}", I)) continue;
            return m.Groups[1].Value.TrimEnd('.', ',');
        }
        return null;
    }

    /// <summary>The container's position the words give: an ordinal next to a container noun ("drugog containera", "the second container"), "container 2", "#2".</summary>
    private static int? ContainerOrdinal(string text)
    {
        if (NumberedContainer().Match(text) is { Success: true } numbered)
            return int.Parse(numbered.Groups[1].Success ? numbered.Groups[1].Value : numbered.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (Match noun in Vocabulary.ContainerNoun.Matches(text))
        {
            var before = Regex.Match(text[..noun.Index], @"([\p{L}\d]+)\s+$");
            var after = Regex.Match(text[(noun.Index + noun.Length)..], @"^\s+([\p{L}\d]+)");
            foreach (var word in new[] { before, after }.Where(m => m.Success).Select(m => m.Groups[1].Value.ToLowerInvariant()))
                if (Vocabulary.Ordinals.TryGetValue(word, out var position)) return position;
        }
        return null;
    }
}
