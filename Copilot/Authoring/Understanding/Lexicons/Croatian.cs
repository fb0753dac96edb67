namespace Collab.Copilot.Authoring.Understanding.Lexicons;

/// <summary>Croatian words for the understanding layer (with the case endings people type, and without diacritics).</summary>
internal static class Croatian
{
    public static Lexicon Words { get; } = new()
    {
        Language = "hr",
        DraftCues = ["napravi", "napiši", "napisi", "treba mi", "trebam", "trebao bih", "daj mi", "želim", "zelim", "složi", "slozi", "kreiraj", "generiraj", "pokreni", "podigni"],
        QuestionOpeners = ["kako", "što", "sto", "zašto", "zasto", "gdje", "kada", "koji", "koja", "koje", "je li", "objasni"],
        ReasonWords = ["zašto", "zasto"],
        CheckCues = ["provjeri", "pregledaj", "pogledaj", "popravi", "što ne valja", "sto ne valja", "je li ovo ok", "review"],
        Kinds = new()
        {
            [ResourceKind.CronJob] = ["cron ?job\\w*", "cron\\w*", "zakazan\\w* posa\\w*"],
            [ResourceKind.StatefulSet] = ["stateful ?set\\w*"],
            [ResourceKind.Deployment] = ["deployment\\w*"],
            [ResourceKind.Job] = ["job\\w*", "posao", "posla", "poslove", "zadatak"],
            [ResourceKind.ConfigMap] = ["config ?map\\w*"],
            [ResourceKind.PersistentVolumeClaim] = ["pvc\\w*", "volume claim\\w*"],
            [ResourceKind.Service] = ["servis\\w*", "usluga", "uslugu", "uslugom", "service\\w*", "node ?port\\w*"],
            [ResourceKind.Ingress] = ["ingress\\w*"],
            [ResourceKind.ResourceQuota] = ["kvot\\w*"],
        },
        Numbers = new()
        {
            ["jedan"] = 1, ["jedna"] = 1, ["jednu"] = 1, ["jednom"] = 1, ["jednim"] = 1, ["jednog"] = 1, ["dva"] = 2, ["dvije"] = 2, ["dvjema"] = 2,
            ["dviju"] = 2, ["dvama"] = 2, ["tri"] = 3, ["triju"] = 3, ["četiri"] = 4, ["cetiri"] = 4, ["pet"] = 5, ["šest"] = 6, ["sest"] = 6, ["sedam"] = 7, ["osam"] = 8, ["devet"] = 9, ["deset"] = 10,
            // Tens, for sizes and bounds written as words ("padesát giga", "fifty gigs").
            ["dvadeset"] = 20, ["trideset"] = 30, ["četrdeset"] = 40, ["cetrdeset"] = 40, ["pedeset"] = 50, ["šezdeset"] = 60, ["sezdeset"] = 60,
        },
        Replicas = ["replik\\w*", "kopij\\w*", "instanc\\w*", "podova", "poda"],
        Nodes = ["čvor\\w*", "cvor\\w*", "nod\\w*", "član\\w*"],
        NameMarkers = ["imena", "ime", "naziva", "naziv", "pod imenom", "zove se", "nazvan\\w*"],
        Ports = ["port\\w*"],
        Every = ["svakih", "svaki", "svake", "svaku", "svakog"],
        Minutes = ["minut\\w*", "min"],
        Hours = ["sat\\w*", "h"],
        Daily = ["svaki dan", "svakog dana", "dnevno", "svako jutro", "svaku večer", "svaku vecer"],
        Nightly = ["svake noći", "svake noci", "svaku noć", "svaku noc", "noću", "nocu", "svake večeri"],
        Hourly = ["svaki sat", "svakog sata"],
        Weekly = ["tjedno", "svaki tjedan", "jednom tjedno"],
        Monthly = ["mjesečno", "mjesecno", "svaki mjesec"],
        Days = [["nedjelj\\w*"], ["ponedjelj\\w*"], ["utor\\w*"], ["srijed\\w*"], ["četvrt\\w*", "cetvrt\\w*"], ["petak", "petkom", "petka"], ["subot\\w*"]],
        At = ["u", "oko"],
        WholeGpu = ["cijel\\w*", "cjel\\w*", "puni", "punu", "punog", "čitav\\w*", "citav\\w*"],
        Negations = ["ne", "nije", "bez", "nikako"],
        Storage = ["volumen\\w*", "disk\\w*", "pohran\\w*", "prostor\\w*", "memorij\\w* na disku"],
        Memory = ["ram\\w*", "memorij\\w*"],
        Databases = ["baz\\w*", "db"],
        Batch = ["treniranj\\w*", "trening\\w*", "treniraj\\w*", "evaluacij\\w*", "obrad\\w*", "predobrad\\w*", "migracij\\w*"],
        ImageNouns = ["slik\\w*", "docker image\\w*", "image\\w{0,3}", "kontejner\\w*"],
        GigaWords = ["giga", "gigabajt\\w*", "gigova"],
        Weekdays = ["radnim danima", "radni dan\\w*", "radnih dana", "od ponedjeljka do petka"],
        Limits = ["ograni\\w*", "limit\\w*", "najviše", "max"],
        Half = ["pola", "pol"],
        CommandWords = ["naredba", "naredbu", "naredbom", "pokreće", "pokreni", "izvrši"],
        Quarter = ["četvrt", "četvrtinu", "četvrtina", "cetvrt"],
        EnvWords = ["env", "env varijabl\\w*", "varijabl\\w* okoline", "varijabl\\w* okruženja", "okolin\\w*"],
        SecretNouns = ["tajn\\w*", "secret\\w*"],
        And = ["i", "te"],
        ChangeVerbs = ["dodaj", "stavi", "postavi", "daj", "promijeni", "promjeni", "povećaj", "povecaj", "smanji", "skaliraj", "prebaci", "zamijeni", "montiraj", "izloži", "izlozi", "digni", "spusti"],
        RemoveVerbs = ["makni", "ukloni", "obriši", "obrisi", "izbaci", "izbriši", "izbrisi"],
        RenameVerbs = ["preimenuj", "promijeni ime", "promjeni ime", "nazovi"],
        ContainerNouns = ["container\\w*", "kontejner\\w*", "sidecar\\w*"],
        Ordinals = new() { ["prvi"] = 1, ["prvog"] = 1, ["prvom"] = 1, ["prvoga"] = 1, ["drugi"] = 2, ["drugog"] = 2, ["drugom"] = 2, ["drugoga"] = 2, ["treći"] = 3, ["trećeg"] = 3, ["trećem"] = 3, ["zadnji"] = -1, ["zadnjeg"] = -1, ["zadnjem"] = -1 },
        ReadVerbs = ["čita\\w*", "cita\\w*", "čitanje", "pregled\\w*"],
        CreateVerbs = ["stvara\\w*", "kreira\\w*", "stvori\\w*"],
        UpdateVerbs = ["mijenja\\w*", "ažurira\\w*", "uređiva\\w*"],
        DeleteVerbs = ["briš\\w*", "brisa\\w*", "obriš\\w*"],
        AtLeast = ["barem", "najmanje", "bar"],
        RequestModals = ["možeš li", "možete li", "mozes li", "možeš", "možete", "molim"],
    };
}
