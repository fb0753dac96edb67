namespace Collab.Copilot.Authoring.Understanding.Lexicons;

/// <summary>Czech words for the understanding layer (with the case endings people type, and without diacritics).</summary>
internal static class Czech
{
    public static Lexicon Words { get; } = new()
    {
        Language = "cs",
        DraftCues = ["udělej", "udelej", "vytvoř", "vytvor", "napiš", "napis", "potřebuju", "potrebuju", "potřebuji", "potrebuji", "chci", "dej mi", "připrav", "priprav", "spustit", "spusť", "spust", "nasaď", "nasad"],
        QuestionOpeners = ["jak", "co", "proč", "proc", "kde", "kdy", "který", "ktery", "která", "které", "je možné", "vysvětli"],
        ReasonWords = ["proč", "proc"],
        CheckCues = ["zkontroluj", "zkontrolovat", "oprav", "co je tady špatně", "co je špatně", "je to dobře", "projdi"],
        Kinds = new()
        {
            [ResourceKind.CronJob] = ["cron ?job\\w*", "cron\\w*", "plánovan\\w* úloh\\w*"],
            [ResourceKind.StatefulSet] = ["stateful ?set\\w*"],
            [ResourceKind.Deployment] = ["deployment\\w*", "nasazení"],
            [ResourceKind.Job] = ["job\\w*", "úloh\\w*", "uloh\\w*"],
            [ResourceKind.ConfigMap] = ["config ?map\\w*"],
            [ResourceKind.PersistentVolumeClaim] = ["pvc\\w*", "volume claim\\w*"],
            [ResourceKind.Service] = ["služb\\w*", "sluzb\\w*", "servis\\w*", "service\\w*", "node ?port\\w*"],
            [ResourceKind.Ingress] = ["ingress\\w*"],
            [ResourceKind.ResourceQuota] = ["kvót\\w*", "kvot\\w*"],
        },
        Numbers = new()
        {
            ["jeden"] = 1, ["jedna"] = 1, ["jedno"] = 1, ["jednu"] = 1, ["jednou"] = 1, ["jedné"] = 1, ["jednom"] = 1, ["dva"] = 2, ["dvě"] = 2, ["dve"] = 2, ["dvěma"] = 2, ["dvema"] = 2,
            ["dvou"] = 2, ["tři"] = 3, ["tří"] = 3, ["třech"] = 3, ["čtyřech"] = 4, ["pěti"] = 5, ["tri"] = 3, ["třemi"] = 3, ["tremi"] = 3, ["čtyři"] = 4, ["ctyri"] = 4, ["čtyřmi"] = 4, ["pět"] = 5, ["pet"] = 5, ["šest"] = 6,
            ["sedm"] = 7, ["osm"] = 8, ["devět"] = 9, ["deset"] = 10,
            // Tens, for sizes and bounds written as words ("padesát giga", "fifty gigs").
            ["dvacet"] = 20, ["třicet"] = 30, ["tricet"] = 30, ["čtyřicet"] = 40, ["padesát"] = 50, ["padesat"] = 50, ["šedesát"] = 60,
        },
        Replicas = ["replik\\w*", "instanc\\w*", "kopi\\w*", "podů"],
        Nodes = ["uzl\\w*", "uzel", "nod\\w*", "serverech", "člen\\w*"],
        NameMarkers = ["jménem", "jmenem", "s názvem", "s nazvem", "názvem", "nazvem", "název", "nazev", "pojmenovan\\w*", "jméno", "jmeno"],
        Ports = ["port\\w*"],
        Every = ["každých", "kazdych", "každý", "kazdy", "každou", "kazdou", "každé", "kazde"],
        Minutes = ["minut\\w*", "min"],
        Hours = ["hodin\\w*", "h"],
        Daily = ["každý den", "kazdy den", "denně", "denne", "každé ráno", "každý večer"],
        Nightly = ["každou noc", "kazdou noc", "v noci", "noční", "nocni"],
        Hourly = ["každou hodinu", "kazdou hodinu", "hodinově"],
        Weekly = ["týdně", "tydne", "každý týden", "kazdy tyden"],
        Monthly = ["měsíčně", "mesicne", "každý měsíc"],
        Days = [["neděl\\w*", "nedel\\w*"], ["pondělí", "pondeli", "pondělky"], ["úterý", "utery"], ["středu", "středa", "stredu", "streda"], ["čtvrtek", "ctvrtek", "čtvrtky"], ["pátek", "patek", "pátky"], ["sobot\\w*"]],
        At = ["ve", "v", "kolem", "o"],
        WholeGpu = ["cel\\w*", "plnou", "plné", "dedikovan\\w*"],
        Negations = ["ne", "ani", "bez", "žádn\\w*", "zadn\\w*"],
        Storage = ["úložiště", "uloziste", "svazek", "svazku", "disk\\w*", "místa", "prostor\\w*"],
        Memory = ["ram\\w*", "paměti", "pameti", "paměť"],
        Databases = ["databáz\\w*", "databaz\\w*", "db"],
        Batch = ["trénování", "trenovani", "trénink\\w*", "trenink\\w*", "vyhodnocení", "předzpracování", "migrac\\w*"],
        ImageNouns = ["obraz\\w*", "docker image\\w*", "image\\w{0,3}", "kontejner\\w*"],
        GigaWords = ["giga", "gigabajt\\w*", "gigů", "gigu", "gb"],
        Weekdays = ["pracovní d\\w*", "pracovni d\\w*", "všední d\\w*", "vsedni d\\w*", "od pondělí do pátku"],
        Limits = ["omez\\w*", "limit\\w*", "max", "maximálně", "nejvýše"],
        Half = ["půl", "pul"],
        Quarter = ["čtvrt", "čtvrtinu", "čtvrtina", "ctvrt"],
        EnvWords = ["env", "proměnn\\w* prostředí", "promenn\\w* prostredi", "prostředí"],
        SecretNouns = ["secret\\w*", "tajemstv\\w*"],
        And = ["a", "plus"],
        ChangeVerbs = ["přidej", "pridej", "nastav", "dej", "změň", "zmen", "zvětši", "zvetsi", "zvyš", "zvys", "zmenši", "zmensi", "sniž", "sniz", "škáluj", "skaluj", "přepni", "prepni", "nahraď", "nahrad", "použij", "pouzij", "připoj", "pripoj", "vystav"],
        RemoveVerbs = ["odstraň", "odstran", "odeber", "smaž", "smaz", "zruš", "zrus", "vyhoď", "vyhod"],
        RenameVerbs = ["přejmenuj", "prejmenuj", "změň název", "zmen nazev", "změň jméno", "zmen jmeno"],
        ContainerNouns = ["container\\w*", "kontejner\\w*", "sidecar\\w*"],
        Ordinals = new() { ["první"] = 1, ["prvni"] = 1, ["prvnímu"] = 1, ["druhý"] = 2, ["druhy"] = 2, ["druhému"] = 2, ["druhém"] = 2, ["druhého"] = 2, ["třetí"] = 3, ["treti"] = 3, ["poslední"] = -1, ["posledni"] = -1 },
        ReadVerbs = ["čí\\w*", "číst", "čtení", "cist", "zobrazovat"],
        CreateVerbs = ["vytvář\\w*", "vytvoř\\w*", "zakládat"],
        UpdateVerbs = ["měnit", "upravovat", "aktualizovat", "mění"],
        DeleteVerbs = ["maz\\w*", "smaz\\w*", "odstraňovat"],
        AtLeast = ["alespoň", "aspoň", "nejméně", "minimálně"],
        RequestModals = ["můžeš", "můžete", "muzes", "muzete", "mohl bys", "mohli byste", "prosím", "prosim"],
    };
}
