namespace Collab.Copilot.Assistant.Languages;

/// <summary>The languages the platforms' users write in.</summary>
public enum AnswerLanguage
{
    /// <summary>English (also the fallback when nothing else is recognised).</summary>
    English,
    /// <summary>Croatian.</summary>
    Croatian,
    /// <summary>Czech.</summary>
    Czech,
    /// <summary>Catalan.</summary>
    Catalan,
    /// <summary>Italian.</summary>
    Italian,
    /// <summary>German.</summary>
    German,
}

/// <summary>Codes of <see cref="AnswerLanguage"/> as data files and other components name languages.</summary>
public static class AnswerLanguageCodes
{
    /// <summary>The ISO 639-1 code: en, hr, cs, ca, it, de.</summary>
    public static string Code(this AnswerLanguage language) => language switch
    {
        AnswerLanguage.Croatian => "hr",
        AnswerLanguage.Czech => "cs",
        AnswerLanguage.Catalan => "ca",
        AnswerLanguage.Italian => "it",
        AnswerLanguage.German => "de",
        _ => "en",
    };
}
