namespace Collab.Copilot.Authoring.Understanding.Lexicons;

/// <summary>German words for the understanding layer; compounds ("Trainingsjob", "NodePort-Service") are matched by their last part.</summary>
internal static class German
{
    public static Lexicon Words { get; } = new()
    {
        Language = "de",
        DraftCues = ["erstelle", "erstell", "schreib", "schreibe", "mach", "mache", "brauche", "brauch", "benötige", "will", "möchte", "gib mir", "generiere", "bau", "baue", "laufen lassen"],
        QuestionOpeners = ["wie", "was", "warum", "wieso", "wo", "wann", "welche", "welcher", "gibt es", "erkläre"],
        ReasonWords = ["warum", "wieso", "weshalb"],
        CheckCues = ["prüf", "prüfe", "prüfen", "überprüf\\w*", "check", "korrigier\\w*", "was ist hier falsch", "was ist falsch", "passt das", "ist das ok"],
        Kinds = new()
        {
            [ResourceKind.CronJob] = ["cron ?job\\w*", "cron\\w*", "geplant\\w* job\\w*"],
            [ResourceKind.StatefulSet] = ["stateful ?set\\w*"],
            [ResourceKind.Deployment] = ["deployment\\w*"],
            [ResourceKind.Job] = ["job\\w*", "auftrag", "aufträge"],
            [ResourceKind.ConfigMap] = ["config ?map\\w*"],
            [ResourceKind.PersistentVolumeClaim] = ["pvc\\w*", "volume claim\\w*"],
            [ResourceKind.Service] = ["service\\w*", "dienst", "node ?port\\w*"],
            [ResourceKind.Ingress] = ["ingress\\w*"],
        },
        Numbers = new()
        {
            ["ein"] = 1, ["eine"] = 1, ["einen"] = 1, ["einer"] = 1, ["einem"] = 1, ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["fünf"] = 5, ["funf"] = 5,
            ["sechs"] = 6, ["sieben"] = 7, ["acht"] = 8, ["neun"] = 9, ["zehn"] = 10,
            // Tens, for sizes and bounds written as words ("padesát giga", "fifty gigs").
            ["zwanzig"] = 20, ["dreißig"] = 30, ["dreissig"] = 30, ["vierzig"] = 40, ["fünfzig"] = 50, ["fuenfzig"] = 50, ["sechzig"] = 60, ["hundert"] = 100,
        },
        Replicas = ["replika\\w*", "replicas?", "repliken", "instanzen", "instanz", "kopien"],
        Nodes = ["knoten", "nodes?", "servern", "mitglied\\w*"],
        NameMarkers = ["namens", "mit namen", "mit dem namen", "name", "heißt", "heisst", "genannt"],
        Ports = ["port\\w*"],
        Every = ["alle", "jede", "jeden", "jedes"],
        Each = ["jeweils", "pro (?:replika|instanz|pod)", "je (?:replika|instanz|pod)"],
        Minutes = ["minuten", "minute", "min"],
        Hours = ["stunden", "stunde", "std", "h"],
        Daily = ["täglich", "taeglich", "jeden tag", "jeden morgen", "jeden abend"],
        Nightly = ["nächtlich", "naechtlich", "jede nacht", "nachts"],
        Hourly = ["stündlich", "stuendlich", "jede stunde"],
        Weekly = ["wöchentlich", "woechentlich", "jede woche"],
        Monthly = ["monatlich", "jeden monat"],
        Days = [["sonntag\\w*"], ["montag\\w*"], ["dienstag\\w*"], ["mittwoch\\w*"], ["donnerstag\\w*"], ["freitag\\w*"], ["samstag\\w*", "sonnabend\\w*"]],
        At = ["um", "gegen"],
        WholeGpu = ["ganze\\w*", "volle\\w*", "komplette\\w*", "eigene\\w*", "dedizierte\\w*"],
        Negations = ["kein\\w*", "nicht", "ohne"],
        Storage = ["speicher\\w*", "volume\\w*", "platte\\w*", "festplatte\\w*", "plattenplatz"],
        Memory = ["ram", "arbeitsspeicher", "hauptspeicher"],
        Databases = ["datenbank\\w*", "db"],
        Batch = ["training\\w*", "trainier\\w*", "auswertung\\w*", "vorverarbeitung\\w*", "migration\\w*"],
        ImageNouns = ["image\\w{0,3}", "docker-image\\w*", "abbild\\w*", "container-image\\w*"],
        GigaWords = ["gigs?", "giga", "gigabyte"],
        Weekdays = ["werktags", "werktage", "an werktagen", "montag bis freitag"],
        Limits = ["begrenz\\w*", "limit\\w*", "maximal", "höchstens", "max"],
        Half = ["halben", "halbes", "halbe", "halber"],
        CommandWords = ["befehl", "kommando", "führt", "ausführen", "startet"],
        Quarter = ["viertel"],
        EnvWords = ["env", "umgebungsvariable\\w*", "umgebung\\w*"],
        SecretNouns = ["secrets?", "geheimnis\\w*"],
        And = ["und", "plus"],
        ChangeVerbs = ["füge", "hinzufügen", "setze", "setzen", "setz", "gib", "geben", "ändere", "ändern", "erhöhe", "erhöhen", "reduziere", "reduzieren", "skaliere", "skalieren", "stelle", "stellen", "stell", "ersetze", "ersetzen", "nutze", "verwende", "hänge", "mounte", "mach"],
        RemoveVerbs = ["entferne", "entfernen", "entfern", "lösche", "löschen", "lösch", "streiche", "streichen", "raus", "weg"],
        RenameVerbs = ["benenne", "umbenennen", "benennen", "nenne", "ändere den namen", "namen ändern"],
        ContainerNouns = ["container\\w*", "sidecar\\w*"],
        Ordinals = new() { ["erste"] = 1, ["ersten"] = 1, ["erster"] = 1, ["zweite"] = 2, ["zweiten"] = 2, ["zweiter"] = 2, ["dritte"] = 3, ["dritten"] = 3, ["letzte"] = -1, ["letzten"] = -1 },
        ReadVerbs = ["lesen", "liest", "lese\\w*", "ansehen"],
        CreateVerbs = ["anlegen", "erstellen", "erzeugen"],
        UpdateVerbs = ["ändern", "aktualisieren", "bearbeiten", "anpassen"],
        DeleteVerbs = ["löschen", "entfernen"],
        AtLeast = ["mindestens", "wenigstens"],
        RequestModals = ["kannst du", "könnt ihr", "können sie", "könntest du", "könntet ihr", "bitte"],
    };
}
