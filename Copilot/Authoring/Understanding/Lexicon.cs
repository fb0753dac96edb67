namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// The words one language uses for what the understanding layer looks for: kinds, counts,
/// schedules, sizes, names. Entries are lower-case regex fragments matched on word boundaries;
/// a German compound ("Trainingsjob") is matched by a kind word at the end of a token. The
/// mechanisms (slot extraction, intent) are shared; only these tables differ per language.
/// </summary>
public sealed record Lexicon
{
    /// <summary>ISO code of the language (en, hr, cs, ca, it, de).</summary>
    public required string Language { get; init; }
    /// <summary>Words that ask for something to be made: "napravi", "brauche", "mi serve".</summary>
    public string[] DraftCues { get; init; } = [];
    /// <summary>Words that open a how/what/why question, which asks for an explanation rather than a draft.</summary>
    public string[] QuestionOpeners { get; init; } = [];
    /// <summary>A copula opening a yes/no question about a fact ("is a 3-replica statefulset too much…?", "ist", "je li", "és"): it asks whether something holds, not for it.</summary>
    public string[] FactOpeners { get; init; } = [];
    /// <summary>Words that ask for a reason ("why"): a pasted manifest asked about with them is reviewed, not edited.</summary>
    public string[] ReasonWords { get; init; } = [];
    /// <summary>Words that ask for a review of something: "check", "provjeri", "prüfen".</summary>
    public string[] CheckCues { get; init; } = [];
    /// <summary>Nouns per kind, e.g. Job: "job", "posao", "úloha".</summary>
    public Dictionary<ResourceKind, string[]> Kinds { get; init; } = [];
    /// <summary>Number words with their value, inflected forms included.</summary>
    public Dictionary<string, int> Numbers { get; init; } = [];
    /// <summary>Nouns counted as replicas: "replicas", "replike", "Replikas".</summary>
    public string[] Replicas { get; init; } = [];
    /// <summary>Nouns that make a count a number of cluster members: "nodes", "čvora", "Knoten".</summary>
    public string[] Nodes { get; init; } = [];
    /// <summary>Words that introduce a name: "named", "imena", "jménem", "anomenat", "chiamato", "namens".</summary>
    public string[] NameMarkers { get; init; } = [];
    /// <summary>Nouns for a port: "port", "portu", "porta".</summary>
    public string[] Ports { get; init; } = [];
    /// <summary>"every"/"each" before a unit or a day.</summary>
    public string[] Every { get; init; } = [];
    /// <summary>Words after a size that give it to every replica ("20 gigs each", "po replici", "cadascuna", "jeweils"): each replica its own volume.</summary>
    public string[] Each { get; init; } = [];
    /// <summary>Minute units.</summary>
    public string[] Minutes { get; init; } = [];
    /// <summary>Hour units.</summary>
    public string[] Hours { get; init; } = [];
    /// <summary>Words or phrases meaning every day.</summary>
    public string[] Daily { get; init; } = [];
    /// <summary>Words or phrases meaning every night (default 02:00).</summary>
    public string[] Nightly { get; init; } = [];
    /// <summary>Words or phrases meaning every hour.</summary>
    public string[] Hourly { get; init; } = [];
    /// <summary>Words or phrases meaning every week.</summary>
    public string[] Weekly { get; init; } = [];
    /// <summary>Words or phrases meaning every month.</summary>
    public string[] Monthly { get; init; } = [];
    /// <summary>Day names, Sunday first; each entry lists the inflected forms.</summary>
    public string[][] Days { get; init; } = [];
    /// <summary>Prepositions before a clock time: "at", "u", "ve", "a les", "alle", "um".</summary>
    public string[] At { get; init; } = [];
    /// <summary>Words that say a whole GPU is meant: "full", "cijeli", "celou", "sencera", "intera", "ganze".</summary>
    public string[] WholeGpu { get; init; } = [];
    /// <summary>Negations that turn "MIG" into "not MIG": "not", "ne", "kein", "senza".</summary>
    public string[] Negations { get; init; } = [];
    /// <summary>Nouns for storage: "volume", "disk", "úložiště", "Speicher".</summary>
    public string[] Storage { get; init; } = [];
    /// <summary>Nouns for memory (RAM), so a size before them is not storage.</summary>
    public string[] Memory { get; init; } = [];
    /// <summary>Words for a database, which keeps state (StatefulSet).</summary>
    public string[] Databases { get; init; } = [];
    /// <summary>Words for work that runs to completion (Job): training, evaluation, preprocessing.</summary>
    public string[] Batch { get; init; } = [];
    /// <summary>Nouns for a container image to build: "docker image", "obraz", "imatge", "immagine".</summary>
    public string[] ImageNouns { get; init; } = [];
    /// <summary>Words for a size unit of gigabytes as people write it ("gigs", "giga", "gigues").</summary>
    public string[] GigaWords { get; init; } = [];
    /// <summary>Words or phrases meaning Monday to Friday: "weekdays", "radnim danima", "werktags".</summary>
    public string[] Weekdays { get; init; } = [];
    /// <summary>Words that make the size or count after them a limit: "limit", "ograniči", "begrenzt", "max".</summary>
    public string[] Limits { get; init; } = [];
    /// <summary>Words for one half before a unit: "half a" (terabyte, cpu), "pola", "půl", "mig", "mezzo", "halben".</summary>
    public string[] Half { get; init; } = [];
    /// <summary>Words that introduce the command to run: "command", "naredba", "příkaz", "comanda", "comando", "Befehl".</summary>
    public string[] CommandWords { get; init; } = [];
    /// <summary>Words for one quarter before a CPU unit: "quarter", "četvrt", "čtvrt", "quart", "quarto", "viertel".</summary>
    public string[] Quarter { get; init; } = [];
    /// <summary>Words for environment variables: "env", "proměnné prostředí", "variables d'entorn", "Umgebungsvariablen".</summary>
    public string[] EnvWords { get; init; } = [];
    /// <summary>Nouns for a Kubernetes Secret: "secret", "tajnu", "Geheimnis".</summary>
    public string[] SecretNouns { get; init; } = [];
    /// <summary>Words joining two things asked for ("a PVC and a Job"): "and", "i", "a", "e", "und".</summary>
    public string[] And { get; init; } = [];
    /// <summary>Verbs that state a change to a pasted manifest: "add", "dodaj", "nastav", "posa", "metti", "setze"; not words a question uses to describe the paste ("does this use…", "usa").</summary>
    public string[] ChangeVerbs { get; init; } = [];
    /// <summary>Verbs that take something out of a pasted manifest: "remove", "makni", "odstraň", "treu", "togli", "entferne" ("without" is not one: "a gpu without MIG" adds a GPU).</summary>
    public string[] RemoveVerbs { get; init; } = [];
    /// <summary>Words that give a pasted resource a new name: "rename", "preimenuj", "přejmenuj", "canvia el nom", "rinomina", "benenne".</summary>
    public string[] RenameVerbs { get; init; } = [];
    /// <summary>Nouns for a container of a pod: "container", "kontejner", "contenidor", "contenitore".</summary>
    public string[] ContainerNouns { get; init; } = [];
    /// <summary>Ordinal words with their position; -1 means the last one.</summary>
    public Dictionary<string, int> Ordinals { get; init; } = [];

    /// <summary>Verbs that grant read access in an RBAC request ("read", "číst", "llegir", "lesen"): get, list and watch.</summary>
    public string[] ReadVerbs { get; init; } = [];
    /// <summary>Verbs that grant creating ("create", "anlegen", "stvarati").</summary>
    public string[] CreateVerbs { get; init; } = [];
    /// <summary>Verbs that grant changing ("update", "ändern", "mijenjati"): update and patch.</summary>
    public string[] UpdateVerbs { get; init; } = [];
    /// <summary>Verbs that grant deleting ("delete", "löschen", "brisati").</summary>
    public string[] DeleteVerbs { get; init; } = [];
    /// <summary>Words for "at least" ("at least 2 pods up", "alespoň", "mindestens"): a PodDisruptionBudget's minAvailable.</summary>
    public string[] AtLeast { get; init; } = [];
    /// <summary>Words that ask someone to do something ("can you", "könnt ihr", "potete", "prosím"): a question with one asks for a change.</summary>
    public string[] RequestModals { get; init; } = [];
    /// <summary>Words that ask whether something is possible or allowed for the asker ("can I", "kann ich", "mogu li", "šlo by", "posso"): a yes/no question with one asks for what it states, or, with a verb of making, whether the asker may make it.</summary>
    public string[] PermissionModals { get; init; } = [];
}
