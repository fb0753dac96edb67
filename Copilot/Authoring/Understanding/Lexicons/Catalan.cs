namespace Collab.Copilot.Authoring.Understanding.Lexicons;

/// <summary>Catalan words for the understanding layer.</summary>
internal static class Catalan
{
    public static Lexicon Words { get; } = new()
    {
        Language = "ca",
        DraftCues = ["crea", "creeu", "fes", "fes-me", "escriu", "necessito", "necessitem", "vull", "voldria", "dona'm", "genera", "prepara", "desplega"],
        QuestionOpeners = ["com", "què", "que", "per què", "per que", "on", "quan", "quin", "quina", "quins", "és possible", "explica"],
        ReasonWords = ["per què", "per que"],
        CheckCues = ["revisa", "comprova", "valida", "arregla", "què hi ha malament", "que hi ha malament", "està bé", "esta be"],
        Kinds = new()
        {
            [ResourceKind.CronJob] = ["cron ?job\\w*", "cron\\w*", "tasca programada"],
            [ResourceKind.StatefulSet] = ["stateful ?set\\w*"],
            [ResourceKind.Deployment] = ["deployment\\w*", "desplegament\\w*"],
            [ResourceKind.Job] = ["job\\w*", "treball\\w*", "tasca", "tasques"],
            [ResourceKind.ConfigMap] = ["config ?map\\w*"],
            [ResourceKind.PersistentVolumeClaim] = ["pvc\\w*", "volume claim\\w*"],
            [ResourceKind.Service] = ["servei\\w*", "serveis", "service\\w*", "node ?port\\w*"],
            [ResourceKind.Ingress] = ["ingress\\w*"],
        },
        Numbers = new()
        {
            ["un"] = 1, ["una"] = 1, ["dos"] = 2, ["dues"] = 2, ["tres"] = 3, ["quatre"] = 4, ["cinc"] = 5, ["sis"] = 6, ["vuit"] = 8, ["nou"] = 9, ["deu"] = 10,
            // Tens, for sizes and bounds written as words ("padesát giga", "fifty gigs").
            ["vint"] = 20, ["trenta"] = 30, ["quaranta"] = 40, ["cinquanta"] = 50, ["seixanta"] = 60, ["cent"] = 100,
        },
        Replicas = ["rèpliques", "repliques", "rèplica", "replica", "instàncies", "instancies", "còpies", "copies"],
        Nodes = ["nodes?", "nodes", "servidors", "membres?"],
        NameMarkers = ["anomenat", "anomenada", "amb nom", "amb el nom", "de nom", "nom", "que es digui"],
        Ports = ["port\\w*"],
        Every = ["cada"],
        Each = ["cadascuna", "cadascun", "per (?:rèplica|replica|instància)"],
        Minutes = ["minuts?", "min"],
        Hours = ["hores", "hora", "h"],
        Daily = ["cada dia", "diàriament", "diariament", "cada matí", "cada mati", "cada vespre"],
        Nightly = ["cada nit", "de nit", "cada matinada"],
        Hourly = ["cada hora"],
        Weekly = ["setmanalment", "cada setmana"],
        Monthly = ["mensualment", "cada mes"],
        Days = [["diumenges?"], ["dilluns"], ["dimarts"], ["dimecres"], ["dijous"], ["divendres"], ["dissabtes?"]],
        At = ["a les", "a la", "cap a les"],
        WholeGpu = ["sencer\\w*", "complet\\w*", "dedicad\\w*"],
        Negations = ["no", "sense", "cap"],
        Storage = ["volum\\w*", "disc\\w*", "emmagatzematge", "espai"],
        Memory = ["ram", "memòria", "memoria"],
        Databases = ["base de dades", "bases de dades", "bd", "db"],
        Batch = ["entrenament\\w*", "entrenar", "avaluació", "avaluacio", "preprocessament", "migració"],
        ImageNouns = ["imatges?", "imatge docker", "contenidor\\w*"],
        GigaWords = ["gigues", "giga", "gigabytes?"],
        Weekdays = ["dies laborables", "els dies laborables", "dies feiners", "de dilluns a divendres"],
        Limits = ["límit\\w*", "limit\\w*", "màxim\\w*", "maxim\\w*"],
        Half = ["mig", "mitja"],
        CommandWords = ["comanda", "ordre", "executa", "executar"],
        Quarter = ["quart", "quarts"],
        EnvWords = ["env", "variables d'entorn", "variables de entorn", "entorn"],
        SecretNouns = ["secrets?"],
        And = ["i"],
        ChangeVerbs = ["afegeix", "afegeix-hi", "afegir", "posa", "posa-hi", "posa-ho", "posa-li", "canvia", "canvia-li", "augmenta", "puja", "redueix", "baixa", "escala", "substitueix", "fes servir", "munta", "exposa", "dona-li"],
        RemoveVerbs = ["treu", "treu-li", "treu-hi", "elimina", "esborra", "lleva"],
        RenameVerbs = ["reanomena", "canvia el nom", "canvia-li el nom", "canvia'l de nom"],
        ContainerNouns = ["container\\w*", "contenidor\\w*", "sidecar\\w*"],
        Ordinals = new() { ["primer"] = 1, ["primera"] = 1, ["segon"] = 2, ["segona"] = 2, ["tercer"] = 3, ["tercera"] = 3, ["darrer"] = -1, ["últim"] = -1, ["ultim"] = -1 },
        ReadVerbs = ["llegir", "llegeix\\w*", "consultar", "veure"],
        CreateVerbs = ["crear", "crea\\w*"],
        UpdateVerbs = ["modificar", "actualitzar", "canviar", "editar"],
        DeleteVerbs = ["esborrar", "eliminar", "suprimir"],
        AtLeast = ["com a mínim", "almenys", "mínim"],
        RequestModals = ["pots", "podeu", "podries", "podríeu", "si us plau", "sisplau"],
        PermissionModals = ["puc", "podem", "es pot", "podria", "podríem"],
    };
}
