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
