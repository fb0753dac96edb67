namespace Collab.Copilot.Assistant.Languages;

/// <summary>The fixed parts of answers written without a model (headings, labels, next steps); <see cref="Phrases.Of"/> gives each in the asker's language.</summary>
public enum Phrase
{
    /// <summary>Heading of a recognised error.</summary>
    KnownError,
    /// <summary>Introduces the quoted lines of the paste.</summary>
    LinesThatShowIt,
    /// <summary>Caption of the quoted lines.</summary>
    FromYourPaste,
    /// <summary>Label before the cause.</summary>
    Cause,
    /// <summary>Label before the fix.</summary>
    Fix,
    /// <summary>Introduces the read-only confirm commands.</summary>
    ConfirmWith,
    /// <summary>Introduces other recognised errors in the same paste.</summary>
    AlsoSeen,
    /// <summary>Label before a source reference.</summary>
    Source,
    /// <summary>Label before related documentation markers.</summary>
    SeeAlso,
    /// <summary>Said when no known error signature matches a paste.</summary>
    UnknownError,
    /// <summary>What to send next when an error is not recognised.</summary>
    UnknownErrorNextSteps,
    /// <summary>Said when a signature's explanation exists only in English.</summary>
    EnglishOnlyExplanation,
    /// <summary>Said when an answer broke off; followed by the exception's type name.</summary>
    AnswerFailed,
}
