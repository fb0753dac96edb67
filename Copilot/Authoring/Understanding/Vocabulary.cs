using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Understanding.Lexicons;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// The six languages' lexicons, merged: people mix languages ("deployment s tri replike"), so every
/// mechanism looks for the words of all of them at once. Compiled once into word-boundary regexes.
/// </summary>
internal static class Vocabulary
{
    public static IReadOnlyList<Lexicon> All { get; } = [English.Words, Croatian.Words, Czech.Words, Catalan.Words, Italian.Words, German.Words];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static Regex DraftCue { get; } = Words(l => l.DraftCues);
    public static Regex QuestionOpener { get; } = new(@"^\W*(?:" + Alternation(All.SelectMany(l => l.QuestionOpeners)) + @")\b", Options);
    public static Regex CheckCue { get; } = Words(l => l.CheckCues);
    public static Regex ReasonWord { get; } = Words(l => l.ReasonWords);
    // "is there a way to get …" asks for something; "is a 3-replica statefulset too much …?" asks about it.
    public static Regex FactOpener { get; } = new(@"^\W*(?:" + Alternation(All.SelectMany(l => l.FactOpeners)) + @")\b(?!\s+there\b)", Options);
    public static Regex ReplicaNoun { get; } = Words(l => l.Replicas);
    public static Regex NodeNoun { get; } = Words(l => l.Nodes);
    public static Regex PortNoun { get; } = Words(l => l.Ports);
    public static Regex WholeGpu { get; } = Words(l => l.WholeGpu);
    public static Regex Negation { get; } = Words(l => l.Negations);
    public static Regex StorageNoun { get; } = Words(l => l.Storage);
    public static Regex MemoryNoun { get; } = Words(l => l.Memory);
    public static Regex Database { get; } = Words(l => l.Databases);
    public static Regex Batch { get; } = Words(l => l.Batch);
    public static Regex ImageNoun { get; } = Words(l => l.ImageNouns);
    public static Regex GigaWord { get; } = new(Alternation(All.SelectMany(l => l.GigaWords)), Options);
    public static Regex NameMarker { get; } = Words(l => l.NameMarkers);
    public static Regex Weekdays { get; } = Words(l => l.Weekdays);
    public static Regex Each { get; } = Words(l => l.Each);
    public static Regex Limit { get; } = Words(l => l.Limits);
    public static Regex Half { get; } = Words(l => l.Half);
    public static Regex Quarter { get; } = Words(l => l.Quarter);
    public static Regex CommandWord { get; } = Words(l => l.CommandWords);
    public static Regex EnvWord { get; } = Words(l => l.EnvWords);
    public static Regex SecretNoun { get; } = Words(l => l.SecretNouns);
    public static Regex And { get; } = Words(l => l.And);
    public static Regex ChangeVerb { get; } = Words(l => l.ChangeVerbs.Concat(l.RemoveVerbs).Concat(l.RenameVerbs));
    public static Regex RemoveVerb { get; } = Words(l => l.RemoveVerbs);
    public static Regex RenameVerb { get; } = Words(l => l.RenameVerbs);
    public static Regex ContainerNoun { get; } = Words(l => l.ContainerNouns);
    public static Regex ReadVerb { get; } = Words(l => l.ReadVerbs);
    public static Regex CreateVerb { get; } = Words(l => l.CreateVerbs);
    public static Regex UpdateVerb { get; } = Words(l => l.UpdateVerbs);
    public static Regex DeleteVerb { get; } = Words(l => l.DeleteVerbs);
    public static Regex AtLeast { get; } = Words(l => l.AtLeast);
    public static Regex RequestModal { get; } = Words(l => l.RequestModals);
    public static Regex PermissionModal { get; } = Words(l => l.PermissionModals);

    /// <summary>Ordinal words of every language, lower case; -1 is "last".</summary>
    public static IReadOnlyDictionary<string, int> Ordinals { get; } = All.SelectMany(l => l.Ordinals)
        .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>Number words of every language, lower case.</summary>
    public static IReadOnlyDictionary<string, int> Numbers { get; } = All.SelectMany(l => l.Numbers)
        .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>
    /// One regex per kind; a kind word may end a compound ("Trainingsjob", "NodePort-Service"). A RoleBinding is named
    /// by the ServiceAccount's words and told apart by what it binds, so its regex, with no words of its own, matches nothing.
    /// </summary>
    public static IReadOnlyDictionary<ResourceKind, Regex> Kinds { get; } = Enum.GetValues<ResourceKind>().ToDictionary(k => k,
        k => All.Any(l => l.Kinds.ContainsKey(k))
            ? new Regex(@"(?<![\w])\w*?(?:" + Alternation(All.SelectMany(l => l.Kinds.GetValueOrDefault(k) ?? [])) + @")\b", Options)
            : new Regex("(?!)"));

    /// <summary>
    /// The words of one list wherever they stand alone: not inside a word, nor after the apostrophe of an English
    /// contraction ("don't"), but after an elided Italian or Catalan article or preposition ("un'immagine", "l'imatge",
    /// "dell'immagine"), which is written onto the noun it goes with.
    /// </summary>
    public static Regex Words(Func<Lexicon, IEnumerable<string>> select) =>
        new(@"(?<!\w)(?<!(?<!\b(?:l|d|m|t|s|n|un|dell|all|nell|sull|dall|dagl|quest|quell)\b)['’])(?:" + Alternation(All.SelectMany(select)) + @")(?![\w])", Options);

    /// <summary>Longest first, so "every night" wins over "every".</summary>
    public static string Alternation(IEnumerable<string> fragments) =>
        string.Join('|', fragments.Distinct().OrderByDescending(f => f.Length).Select(f => f.Replace(" ?", @"[\s\-]?").Replace(" ", @"[\s\-]+")));
}
