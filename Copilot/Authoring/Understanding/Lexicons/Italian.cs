namespace Collab.Copilot.Authoring.Understanding.Lexicons;

/// <summary>Italian words for the understanding layer.</summary>
internal static class Italian
{
    public static Lexicon Words { get; } = new()
    {
        Language = "it",
        DraftCues = ["crea", "create", "fammi", "fai", "scrivi", "mi serve", "mi servono", "voglio", "vorrei", "dammi", "genera", "prepara", "ho bisogno", "serve"],
        QuestionOpeners = ["come", "cosa", "che cosa", "perché", "perche", "dove", "quando", "quale", "quali", "è possibile", "spiega"],
        ReasonWords = ["perché", "perche", "come mai"],
        CheckCues = ["controlla", "verifica", "rivedi", "correggi", "cosa c'è che non va", "cosa non va", "va bene", "sistema"],
        Kinds = new()
        {
            [ResourceKind.CronJob] = ["cron ?job\\w*", "cron\\w*", "job pianificat\\w*"],
            [ResourceKind.StatefulSet] = ["stateful ?set\\w*"],
            [ResourceKind.Deployment] = ["deployment\\w*"],
            [ResourceKind.Job] = ["job\\w*", "lavor\\w* batch"],
            [ResourceKind.ConfigMap] = ["config ?map\\w*"],
            [ResourceKind.PersistentVolumeClaim] = ["pvc\\w*", "volume claim\\w*"],
            [ResourceKind.Service] = ["servizi\\w*", "service\\w*", "node ?port\\w*"],
            [ResourceKind.Ingress] = ["ingress\\w*"],
        },
        Numbers = new()
        {
            ["uno"] = 1, ["una"] = 1, ["un"] = 1, ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["cinque"] = 5, ["sei"] = 6, ["sette"] = 7, ["otto"] = 8, ["dieci"] = 10,
            // Tens, for sizes and bounds written as words ("padesát giga", "fifty gigs").
            ["venti"] = 20, ["trenta"] = 30, ["quaranta"] = 40, ["cinquanta"] = 50, ["sessanta"] = 60, ["cento"] = 100,
        },
        Replicas = ["repliche", "replica", "istanze", "istanza", "copie"],
        Nodes = ["nodi", "nodo", "server", "membri"],
        NameMarkers = ["chiamat\\w*", "di nome", "con nome", "col nome", "nome"],
        Ports = ["port\\w*"],
        Every = ["ogni"],
        Each = ["ciascuna", "ciascuno", "a testa", "per (?:replica|istanza)"],
        Minutes = ["minut\\w*", "min"],
        Hours = ["ore", "ora", "h"],
        Daily = ["ogni giorno", "giornalmente", "tutti i giorni", "ogni mattina", "ogni sera", "quotidian\\w*"],
        Nightly = ["ogni notte", "di notte", "tutte le notti", "notturn\\w*"],
        Hourly = ["ogni ora", "orari\\w*"],
        Weekly = ["settimanal\\w*", "ogni settimana"],
        Monthly = ["mensil\\w*", "ogni mese"],
        Days = [["domenic\\w*"], ["lunedì", "lunedi"], ["martedì", "martedi"], ["mercoledì", "mercoledi"], ["giovedì", "giovedi"], ["venerdì", "venerdi"], ["sabat\\w*"]],
        At = ["alle", "all'", "alla", "verso le"],
        WholeGpu = ["inter\\w*", "complet\\w*", "dedicat\\w*"],
        Negations = ["non", "senza", "niente", "no"],
        Storage = ["volum\\w*", "disc\\w*", "spazio", "storage", "archiviazione"],
        Memory = ["ram", "memoria"],
        Databases = ["database", "db"],
        Batch = ["training", "addestra\\w*", "valutazion\\w*", "preprocess\\w*", "migrazion\\w*"],
        ImageNouns = ["immagin\\w*", "immagine docker"],
        GigaWords = ["giga", "gigabyte"],
        Weekdays = ["giorni feriali", "nei giorni feriali", "feriali", "dal lunedì al venerdì"],
        Limits = ["limit\\w*", "massimo", "max"],
        Half = ["mezzo", "mezza"],
        CommandWords = ["comando", "esegue", "esegui", "eseguire", "lancia"],
        Quarter = ["quarto", "un quarto"],
        EnvWords = ["env", "variabili d'ambiente", "variabili di ambiente", "ambiente"],
        SecretNouns = ["secret", "segret\\w*"],
        And = ["e", "ed"],
        ChangeVerbs = ["aggiungi", "metti", "imposta", "cambia", "aumenta", "alza", "riduci", "abbassa", "scala", "sostituisci", "monta", "esponi"],
        RemoveVerbs = ["togli", "rimuovi", "elimina", "cancella", "leva"],
        RenameVerbs = ["rinomina", "cambia il nome", "cambia nome", "chiamalo"],
        ContainerNouns = ["container\\w*", "contenitor\\w*", "sidecar\\w*"],
        Ordinals = new() { ["primo"] = 1, ["prima"] = 1, ["secondo"] = 2, ["seconda"] = 2, ["terzo"] = 3, ["terza"] = 3, ["ultimo"] = -1, ["ultima"] = -1 },
        ReadVerbs = ["legge\\w*", "leggere", "lettura", "visualizzare"],
        CreateVerbs = ["creare", "crea\\w*"],
        UpdateVerbs = ["modificare", "aggiornare", "cambiare"],
        DeleteVerbs = ["eliminare", "cancellare", "rimuovere"],
        AtLeast = ["almeno", "minimo"],
        RequestModals = ["puoi", "potete", "potresti", "potreste", "per favore", "per piacere"],
        PermissionModals = ["posso", "possiamo", "si può", "si puo", "potrei", "potremmo"],
    };
}
