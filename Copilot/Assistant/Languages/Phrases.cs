namespace Collab.Copilot.Assistant.Languages;

/// <summary>
/// The fixed sentences of an answer in the asker's language. They are written here rather than
/// generated so that the honest parts — the disclaimer and "this is retrieved text" — are there
/// even without a model.
/// </summary>
public static class Phrases
{
    /// <summary>The note every answer ends with: AI answers may be inaccurate.</summary>
    public static string Disclaimer(AnswerLanguage language) => language switch
    {
        AnswerLanguage.Croatian => "Napomena: odgovori umjetne inteligencije mogu biti netočni; važne korake provjerite u navedenoj dokumentaciji.",
        AnswerLanguage.Czech => "Poznámka: odpovědi umělé inteligence mohou být nepřesné; důležité kroky si ověřte v citované dokumentaci.",
        AnswerLanguage.Catalan => "Nota: les respostes de la IA poden ser inexactes; comproveu els passos importants a la documentació citada.",
        AnswerLanguage.Italian => "Nota: le risposte dell'IA possono essere imprecise; verificate i passaggi importanti nella documentazione citata.",
        AnswerLanguage.German => "Hinweis: KI-Antworten können ungenau sein; prüfen Sie wichtige Schritte anhand der zitierten Dokumentation.",
        _ => "Note: AI answers may be inaccurate; check important steps against the cited documentation.",
    };

    /// <summary>The opening of an extractive answer: plainly retrieved text, not a generated answer.</summary>
    public static string RetrievedNotice(AnswerLanguage language) => language switch
    {
        AnswerLanguage.Croatian => "Jezični model nije konfiguriran, pa je ovo pronađeni tekst: najrelevantniji odlomci dokumentacije, citirani doslovno (na engleskom), a ne generirani odgovor.",
        AnswerLanguage.Czech => "Jazykový model není nakonfigurován, proto jde o vyhledaný text: nejlépe odpovídající pasáže dokumentace citované doslovně (anglicky), nikoli o vygenerovanou odpověď.",
        AnswerLanguage.Catalan => "No hi ha cap model de llenguatge configurat, així que això és text recuperat: els fragments de la documentació més rellevants, citats literalment (en anglès), no una resposta generada.",
        AnswerLanguage.Italian => "Nessun modello linguistico è configurato, quindi questo è testo recuperato: i passaggi più pertinenti della documentazione, citati alla lettera (in inglese), non una risposta generata.",
        AnswerLanguage.German => "Es ist kein Sprachmodell konfiguriert, daher ist dies abgerufener Text: die passendsten Abschnitte der Dokumentation, wörtlich (auf Englisch) zitiert, keine generierte Antwort.",
        _ => "No language model is configured, so this is retrieved text: the best-matching documentation passages, quoted as written, not a generated answer.",
    };

    /// <summary>Said when retrieval found nothing: the copilot answers only from the documentation.</summary>
    public static string NoPassages(AnswerLanguage language) => language switch
    {
        AnswerLanguage.Croatian => "Nisam pronašao nijedan odlomak dokumentacije za ovo pitanje, a odgovaram samo iz dokumentacije (indeks se možda još gradi).",
        AnswerLanguage.Czech => "K této otázce jsem nenašel žádnou pasáž dokumentace a odpovídám pouze z dokumentace (index se možná ještě sestavuje).",
        AnswerLanguage.Catalan => "No he trobat cap fragment de la documentació per a aquesta pregunta, i només responc a partir de la documentació (potser l'índex encara s'està construint).",
        AnswerLanguage.Italian => "Non ho trovato alcun passaggio della documentazione per questa domanda, e rispondo solo in base alla documentazione (l'indice potrebbe essere ancora in costruzione).",
        AnswerLanguage.German => "Zu dieser Frage habe ich keinen Abschnitt der Dokumentation gefunden, und ich antworte nur aus der Dokumentation (der Index wird eventuell noch aufgebaut).",
        _ => "No documentation passage matched this question, and I answer only from the documentation (the index may still be building).",
    };

    /// <summary>Tells the asker that secrets were removed from their message before anything else saw it.</summary>
    public static string Redacted(AnswerLanguage language, int count, string kinds) => language switch
    {
        AnswerLanguage.Croatian => $"Iz vaše poruke uklonio sam {count} tajni podatak/podataka ({kinds}) prije obrade. Smatrajte ih otkrivenima i zamijenite ih.",
        AnswerLanguage.Czech => $"Z vaší zprávy jsem před zpracováním odstranil {count} tajných údajů ({kinds}). Považujte je za vyzrazené a vyměňte je.",
        AnswerLanguage.Catalan => $"He eliminat {count} secret(s) ({kinds}) del vostre missatge abans de processar-lo. Considereu-los exposats i canvieu-los.",
        AnswerLanguage.Italian => $"Ho rimosso {count} segreto/i ({kinds}) dal vostro messaggio prima di elaborarlo. Consideratelo/i esposto/i e sostituitelo/i.",
        AnswerLanguage.German => $"Ich habe {count} Geheimnis(se) ({kinds}) aus Ihrer Nachricht entfernt, bevor ich sie verarbeitet habe. Betrachten Sie sie als offengelegt und ersetzen Sie sie.",
        _ => $"I removed {count} secret(s) ({kinds}) from your message before processing it. Treat them as exposed and rotate them.",
    };

    /// <summary>A fixed part of an answer in <paramref name="language"/>.</summary>
    public static string Of(Phrase phrase, AnswerLanguage language) => Table[phrase][(int)language];

    /// <summary>Per phrase, the text in the order of <see cref="AnswerLanguage"/>: English, Croatian, Czech, Catalan, Italian, German.</summary>
    private static readonly Dictionary<Phrase, string[]> Table = new()
    {
        [Phrase.KnownError] = ["Known error", "Poznata greška", "Známá chyba", "Error conegut", "Errore noto", "Bekannter Fehler"],
        [Phrase.LinesThatShowIt] = ["The lines that show it:", "Retci koji to pokazuju:", "Řádky, které to ukazují:", "Les línies que ho mostren:", "Le righe che lo mostrano:", "Die Zeilen, die es zeigen:"],
        [Phrase.FromYourPaste] = ["From your paste", "Iz vašeg zalijepljenog teksta", "Z vašeho vloženého textu", "Del text que heu enganxat", "Dal testo incollato", "Aus Ihrem eingefügten Text"],
        [Phrase.Cause] = ["Cause", "Uzrok", "Příčina", "Causa", "Causa", "Ursache"],
        [Phrase.Fix] = ["Fix", "Rješenje", "Oprava", "Solució", "Soluzione", "Behebung"],
        [Phrase.ConfirmWith] = ["Confirm with (read-only; run them yourself — the copilot executes nothing):", "Provjerite naredbama (samo čitaju; pokrenite ih sami — kopilot ništa ne izvršava):", "Ověřte příkazy (jen čtou; spusťte je sami — kopilot nic nespouští):", "Comproveu-ho amb (només lectura; executeu-les vosaltres — el copilot no executa res):", "Verificate con (sola lettura; eseguiteli voi — il copilot non esegue nulla):", "Prüfen mit (nur lesend; führen Sie sie selbst aus — der Copilot führt nichts aus):"],
        [Phrase.AlsoSeen] = ["Also seen in the paste:", "U tekstu se vidi i:", "V textu je vidět také:", "També es veu al text:", "Nel testo si vede anche:", "Außerdem im Text zu sehen:"],
        [Phrase.Source] = ["Source", "Izvor", "Zdroj", "Font", "Fonte", "Quelle"],
        [Phrase.SeeAlso] = ["See also", "Vidi također", "Viz také", "Vegeu també", "Vedi anche", "Siehe auch"],
        [Phrase.UnknownError] = ["I don't recognise this error: it matches none of the known error signatures, so I won't guess a cause.", "Ne prepoznajem ovu grešku: ne odgovara nijednom poznatom obrascu grešaka, pa neću nagađati uzrok.", "Tuto chybu nepoznávám: neodpovídá žádnému známému vzoru chyb, takže příčinu nebudu hádat.", "No reconec aquest error: no coincideix amb cap patró d'error conegut, així que no n'endevinaré la causa.", "Non riconosco questo errore: non corrisponde a nessuno schema di errore noto, quindi non tirerò a indovinare la causa.", "Diesen Fehler erkenne ich nicht: Er passt zu keinem bekannten Fehlermuster, daher rate ich keine Ursache."],
        [Phrase.UnknownErrorNextSteps] = ["Next steps: paste the complete error with a few lines before it, the output of `kubectl describe pod <pod>` (its Events section) and `kubectl logs <pod> --previous`, or ask the platform team.", "Sljedeći koraci: zalijepite cijelu grešku s nekoliko redaka prije nje, ispis naredbe `kubectl describe pod <pod>` (dio Events) i `kubectl logs <pod> --previous` ili se obratite timu platforme.", "Další kroky: vložte celou chybu i s několika řádky před ní, výstup `kubectl describe pod <pod>` (část Events) a `kubectl logs <pod> --previous`, nebo se obraťte na tým platformy.", "Passos següents: enganxeu l'error complet amb unes quantes línies d'abans, la sortida de `kubectl describe pod <pod>` (la secció Events) i `kubectl logs <pod> --previous`, o pregunteu a l'equip de la plataforma.", "Prossimi passi: incollate l'errore completo con qualche riga precedente, l'output di `kubectl describe pod <pod>` (la sezione Events) e `kubectl logs <pod> --previous`, oppure chiedete al team della piattaforma.", "Nächste Schritte: Fügen Sie den vollständigen Fehler mit einigen Zeilen davor ein, dazu die Ausgabe von `kubectl describe pod <pod>` (den Abschnitt Events) und `kubectl logs <pod> --previous`, oder fragen Sie das Plattform-Team."],
        [Phrase.EnglishOnlyExplanation] = ["", "Objašnjenje ove greške zasad postoji samo na engleskom:", "Vysvětlení této chyby je zatím jen v angličtině:", "L'explicació d'aquest error de moment només existeix en anglès:", "La spiegazione di questo errore per ora esiste solo in inglese:", "Die Erklärung dieses Fehlers gibt es bisher nur auf Englisch:"],
        [Phrase.AnswerFailed] = ["The answer could not be completed; please retry. Reason:", "Odgovor nije mogao biti dovršen; pokušajte ponovno. Razlog:", "Odpověď nebylo možné dokončit; zkuste to znovu. Důvod:", "No s'ha pogut completar la resposta; torneu-ho a provar. Motiu:", "Non è stato possibile completare la risposta; riprovate. Motivo:", "Die Antwort konnte nicht abgeschlossen werden; bitte erneut versuchen. Grund:"],
    };
}
