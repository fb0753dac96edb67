using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Assistant.Languages;

/// <summary>
/// The fixed sentences of an answer in the asker's language. They are written as data
/// (<c>Copilot/Authoring/Wording/Texts/&lt;code&gt;.yaml</c>) rather than generated, so that the honest
/// parts — the disclaimer, "this is retrieved text", what a draft assumed — are there even without a model.
/// </summary>
public static class Phrases
{
    /// <summary>The note every answer ends with: AI answers may be inaccurate.</summary>
    public static string Disclaimer(AnswerLanguage language) => Say(language, "phrase.Disclaimer");

    /// <summary>The opening of an extractive answer: plainly retrieved text, not a generated answer.</summary>
    public static string RetrievedNotice(AnswerLanguage language) => Say(language, "phrase.RetrievedNotice");

    /// <summary>Said when retrieval found nothing: the copilot answers only from the documentation.</summary>
    public static string NoPassages(AnswerLanguage language) => Say(language, "phrase.NoPassages");

    /// <summary>Tells the asker that secrets were removed from their message before anything else saw it.</summary>
    public static string Redacted(AnswerLanguage language, int count, string kinds) => Say(language, "phrase.Redacted", count, kinds);

    /// <summary>A fixed part of an answer in <paramref name="language"/>.</summary>
    public static string Of(Phrase phrase, AnswerLanguage language) => Say(language, "phrase." + phrase);

    /// <summary>The wording <paramref name="key"/> in <paramref name="language"/>, with <paramref name="args"/> filled in.</summary>
    public static string Say(AnswerLanguage language, string key, params object?[] args) => Texts.Say(language.Code(), key, args);
}
