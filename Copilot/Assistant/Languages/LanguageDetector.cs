using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Understanding;
using Collab.Indexer.Translation;

namespace Collab.Copilot.Assistant.Languages;

/// <summary>
/// Tells which of the supported languages a question is written in, from function words and
/// letters particular to each language, with the spelling of the whole line (<see cref="CharacterProfiles"/>)
/// as a second opinion. Deterministic and offline, because it also decides the framing of extractive
/// answers when there is no model. Only the prose counts (<see cref="ProseLines"/>):
/// pasted YAML, logs and stack traces are English-ish noise whatever the asker's language.
/// </summary>
public static partial class LanguageDetector
{
    private static readonly Dictionary<AnswerLanguage, HashSet<string>> Words = new()
    {
        [AnswerLanguage.English] = Set("how do i the can my is a an to what why where with for does it this in of and not when which on at by from be are was were has have had will would should could there their they you your we our me if so but or as its that these those get got all any some no yes use using please help thanks doesn't don't can't won't isn't keeps"),
        [AnswerLanguage.Croatian] = Set("kako što sto je li mogu se u na za zašto zasto moj moja moje ne koji koja gdje trebam da ili kada mi svoj svoju nije ovo ova ovom znači pada puca radi ruši nakon iz od do sam smo kad opet više jučer nikad zauvijek svakih odjednom nijedan nijedna stoji tu valja ništa napravio napraviti povući povlači spajanje bazu slika sliku prolazi vidim drugog tima kod ovaj ovu ovog ovoga ovome taj tome tog sa bez prema preko umjesto dodaj stavi postavi makni promijeni molim hvala bok pozdrav lijepa pukne puknu neće nece zapne imam ima treba nešto nesto sve samo još jos uvijek zbog prije poslije dok kroz oko jer ti ja ga jel su"),
        [AnswerLanguage.Czech] = Set("jak co je mohu se v na pro proč proc můj moje muj ne který která kde potřebuji a nebo když mi svůj svou není znamená padá spadne nefunguje nejde nejede už při jsem jsme teď dnes včera ani jen visí pořád nemůžu zmizel neprojde nenastartuje odmítne zůstává zasekne aplikace dotaz uložit soubor uzlu jednoho tomu tohle toto tento tuto přidej pridej nastav změň zmen prosím prosim díky diky děkuju děkuji ahoj čau zase mám musím něco všechno ještě jeste kvůli kvuli před přes ze ke dej už tady taky jsi jsou byl"),
        [AnswerLanguage.Catalan] = Set("com què que puc el la els les per amb meu meva és una als del de no quan on per què cal vol dir això aquí peta falla funciona arrenca mai des he ha cap sempre portava troba veig al servei rep trànsit esborrar nit mitges crea afegeix afegir posa canvia aquest aquesta aquests gràcies hola bon bona dia tarda moltes tinc ho també encara molt després abans mentre així bé em et ens ja perquè són està m' t' s' n' l' d'"),
        [AnswerLanguage.Italian] = Set("come posso il la lo per con mio mia è una che perché dove del della non quando gli nel un significa cosa riesco più nessun nessuna parte resta sempre dopo ho si dal al ma sul alla muore blocca esplode improvvisamente riceve traffico scarica ieri ha quindi aggiungi metti cambia imposta questo questa questi grazie ciao buongiorno buonasera anche ancora molto fino prima mentre senza tra fra qui mi ti ci sono sei hai su c' un' dell' all' nell' sull' dall' quest' l' d'"),
        [AnswerLanguage.German] = Set("wie ich kann der die das mit für mein meine ist eine warum wo nicht und wann einen im zu was bedeutet nach beim startet geht lässt sich ewig hat habe kommt fehlt klappt nie heute gestern noch mehr bricht ab ein kein keine weg dem den hinzufügen füge setze setzen ändern ändere bitte danke dank vielen hallo zusammen dieses diese dieser diesem auf auch schon aber oder wenn weil ohne über unter bei von aus nur immer mal hier dort du dir dich wir uns man so doch denn ob als"),
    };

    /// <summary>Letters that (among the supported languages) point at one language.</summary>
    private static readonly (string Letters, AnswerLanguage Language)[] Letters =
    [
        ("đć", AnswerLanguage.Croatian),
        ("ěřůťďňýá", AnswerLanguage.Czech),
        ("çòï·", AnswerLanguage.Catalan),
        ("ìù", AnswerLanguage.Italian),
        ("äöüß", AnswerLanguage.German),
    ];

    /// <summary>
    /// The most likely language of <paramref name="text"/>; English when unsure. Each prose line is
    /// scored on its own, because a short question in Italian next to an English log line that slipped
    /// through as prose must not be outvoted by the log's "to" and "the".
    /// </summary>
    public static AnswerLanguage Detect(string text)
    {
        var totals = Enum.GetValues<AnswerLanguage>().ToDictionary(l => l, _ => 0.0);
        foreach (var line in ProseLines.Extract(text).Split('\n'))
        {
            var words = Score(line);
            // Spelling is the second opinion: it settles ties and thin word evidence (an Italian review with Catalan-looking
            // "la", "per", "una"), but alone it never reaches the evidence of two words, and it never outvotes a whole word
            // that only the leading language has ("zasekne" beside the "se na" Czech shares with Croatian): on a few short
            // words the closest spelling is often a neighbour's by a hair.
            var scores = new Dictionary<AnswerLanguage, double>(words);
            if (CharacterProfiles.Closest(line) is { } closest && words.Values.Max() - words[closest.Language] < 1) scores[closest.Language] += SpellingWeight;
            var others = Ranked(scores);
            var best = others[0];
            // English wins ties and thin evidence, so a bare "GPU quota?" or one stray "la" stays English.
            if (best.Value >= MinimumEvidence && best.Value > scores[AnswerLanguage.English]) totals[best.Key] += best.Value;
            // A two-word ask ("apply neprojde", "kompiliert nicht") has one word of its language and none of
            // English: that one word decides, unless another language claims it too. Spelling alone never does,
            // or a table row of names ("conda-envs Pending fast-ssd") would be read as a language.
            else if (words[AnswerLanguage.English] == 0 && Ranked(words) is var byWords && byWords[0].Value >= 1 && byWords[0].Value > byWords[1].Value)
                totals[byWords[0].Key] += byWords[0].Value;
        }
        var winner = totals.MaxBy(t => t.Value);
        return winner.Value > 0 ? winner.Key : AnswerLanguage.English;
    }

    private static List<KeyValuePair<AnswerLanguage, double>> Ranked(Dictionary<AnswerLanguage, double> scores) =>
        scores.Where(s => s.Key != AnswerLanguage.English).OrderByDescending(s => s.Value).ToList();

    private static Dictionary<AnswerLanguage, double> Score(string line)
    {
        var prose = line.ToLowerInvariant();
        var scores = Enum.GetValues<AnswerLanguage>().ToDictionary(l => l, _ => 0.0);
        foreach (Match word in Word().Matches(prose))
            foreach (var (language, set) in Words)
                if (set.Contains(word.Value.Replace('’', '\''))) scores[language] += 1;
        foreach (var (letters, language) in Letters)
            scores[language] += prose.Count(letters.Contains) * 2;
        // Word forms only one neighbour makes: Croatian declines an acronym behind a hyphen ("GPU-a", "PVC-om"), Czech
        // writes its negation into the verb ("nefunguje", "nepomohlo", "nespawne") where Croatian writes "ne radi".
        scores[AnswerLanguage.Croatian] += DeclinedAcronym().Count(line);
        scores[AnswerLanguage.Czech] += NegatedCzechVerb().Count(prose);
        // Croatian and Czech share č, š, ž; Czech and Catalan share í, ó, ú, é: they count for both, the function words decide.
        var shared = prose.Count("čšž".Contains);
        scores[AnswerLanguage.Croatian] += shared;
        scores[AnswerLanguage.Czech] += shared;
        var acute = prose.Count("íóúé".Contains);
        scores[AnswerLanguage.Czech] += acute;
        scores[AnswerLanguage.Catalan] += acute;
        // The retrieval glossaries know many more words of each language than the lists above.
        foreach (var (code, count) in QueryTranslator.Evidence(prose))
            scores[FromCode(code)] += count * 0.75;
        // So do the understanding lexicons, for terse requests ("3 replike nginxa", "pvc 200 giga, jmeno training-data").
        foreach (var (code, count) in LexiconEvidence.Of(prose))
            scores[FromCode(code)] += count;
        return scores;
    }

    private static AnswerLanguage FromCode(string code) => code switch
    {
        "hr" => AnswerLanguage.Croatian,
        "cs" => AnswerLanguage.Czech,
        "ca" => AnswerLanguage.Catalan,
        "it" => AnswerLanguage.Italian,
        "de" => AnswerLanguage.German,
        _ => AnswerLanguage.English,
    };

    /// <summary>What the best fit of <see cref="CharacterProfiles"/> adds to a language's score on a line: less than <see cref="MinimumEvidence"/>.</summary>
    private const double SpellingWeight = 1.5;

    /// <summary>Least score (function words, telltale letters) another language needs to be chosen over English.</summary>
    private const double MinimumEvidence = 2;

    [GeneratedRegex(@"\b\p{Lu}{2,}-(a|u|om|ovi|ova|ove|i|e)\b")]
    private static partial Regex DeclinedAcronym();

    [GeneratedRegex(@"(?<![\p{L}-])ne\p{L}{2,}(uje|ují|lo|la|ne)(?![\p{L}-])")]
    private static partial Regex NegatedCzechVerb();

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);

    /// <summary>A word, or an elided article or pronoun with its apostrophe ("l'", "m'", "dell'"), which Catalan and Italian write before a vowel.</summary>
    [GeneratedRegex(@"[\p{L}·]+(?:['’](?=\p{L}))?")]
    private static partial Regex Word();
}
