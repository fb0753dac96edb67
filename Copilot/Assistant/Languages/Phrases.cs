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
}
