using System.Text.RegularExpressions;

namespace Collab.Copilot.Assistant.Languages;

/// <summary>
/// Adds English platform terms to a question written in another language, so the English
/// documentation index still finds passages when no model is there to rewrite the question.
/// Word stems map to terms; technical words (GPU, PVC, CUDA) already match as written.
/// </summary>
public static partial class QueryGlossary
{
    private static readonly Dictionary<AnswerLanguage, (string Stem, string Terms)[]> Stems = new()
    {
        [AnswerLanguage.Croatian] =
        [
            ("zatraž", "request"), ("zahtjev", "request"), ("memorij", "memory"), ("pohran", "storage"), ("spremni", "storage volume"),
            ("posao", "job"), ("poslov", "job"), ("red ", "queue"), ("čeka", "pending queue"), ("kontejner", "container"), ("slik", "image"),
            ("bilježnic", "notebook"), ("grešk", "error"), ("pogrešk", "error"), ("projekt", "project"), ("član", "member"),
            ("lozink", "password"), ("ključ", "key access keys"), ("kvot", "quota"), ("okruženj", "environment"), ("instal", "install"),
            ("pokren", "run start"), ("podat", "data dataset"), ("prijav", "login"), ("dijel", "share sharing"), ("kapacitet", "capacity"),
        ],
        [AnswerLanguage.Czech] =
        [
            ("požád", "request"), ("vyžád", "request"), ("paměť", "memory"), ("úložiště", "storage"), ("úloh", "job"), ("fronta", "queue"),
            ("front", "queue"), ("čeká", "pending"), ("kontejner", "container"), ("obraz", "image"), ("sešit", "notebook"), ("chyb", "error"),
            ("projekt", "project"), ("člen", "member"), ("heslo", "password"), ("klíč", "key access keys"), ("kvót", "quota"),
            ("prostředí", "environment"), ("instal", "install"), ("spust", "run start"), ("dat", "data dataset"), ("přihlá", "login"),
            ("sdíl", "share sharing"), ("svazek", "volume"),
        ],
        [AnswerLanguage.Catalan] =
        [
            ("demanar", "request"), ("sol·licit", "request"), ("memòria", "memory"), ("emmagatzem", "storage"), ("feina", "job"),
            ("treball", "job"), ("cua", "queue"), ("contenidor", "container"), ("imatge", "image"), ("quadern", "notebook"),
            ("error", "error"), ("projecte", "project"), ("membre", "member"), ("contrasenya", "password"), ("clau", "key access keys"),
            ("quota", "quota"), ("entorn", "environment"), ("instal·l", "install"), ("executar", "run"), ("dades", "data dataset"),
            ("compartir", "share sharing"), ("volum", "volume"),
        ],
        [AnswerLanguage.Italian] =
        [
            ("richied", "request"), ("chied", "request"), ("memoria", "memory"), ("archivi", "storage"), ("lavor", "job"), ("coda", "queue"),
            ("contenitor", "container"), ("immagin", "image"), ("quadern", "notebook"), ("error", "error"), ("progett", "project"),
            ("membr", "member"), ("password", "password"), ("chiav", "key access keys"), ("quota", "quota"), ("ambient", "environment"),
            ("install", "install"), ("esegu", "run"), ("avvi", "start"), ("dati", "data dataset"), ("condivid", "share sharing"), ("volum", "volume"),
        ],
        [AnswerLanguage.German] =
        [
            ("anford", "request"), ("beantrag", "request"), ("speicher", "memory storage"), ("auftr", "job"), ("warteschlang", "queue"),
            ("container", "container"), ("abbild", "image"), ("notebook", "notebook"), ("fehler", "error"), ("projekt", "project"),
            ("mitglied", "member"), ("passwort", "password"), ("schlüssel", "key access keys"), ("kontingent", "quota"), ("quote", "quota"),
            ("umgebung", "environment"), ("install", "install"), ("ausführ", "run"), ("start", "start"), ("daten", "data dataset"),
            ("teil", "share sharing"), ("volume", "volume"), ("anmeld", "login"),
        ],
    };

    /// <summary>
    /// The question with the English terms its words stand for appended; unchanged for English or
    /// when no stem matches.
    /// </summary>
    public static string Expand(string question, AnswerLanguage language)
    {
        if (!Stems.TryGetValue(language, out var stems)) return question;
        var words = Word().Matches(question.ToLowerInvariant()).Select(m => m.Value).ToList();
        var terms = new List<string>();
        foreach (var (stem, english) in stems)
            if (words.Any(w => (w + " ").StartsWith(stem, StringComparison.Ordinal)) && !terms.Contains(english)) terms.Add(english);
        return terms.Count == 0 ? question : $"{question} {string.Join(' ', terms)}";
    }

    [GeneratedRegex(@"[\p{L}·]+")]
    private static partial Regex Word();
}
