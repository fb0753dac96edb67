namespace Collab.Indexer.Retrieval;

/// <summary>
/// How the BM25 and vector rankings of files are combined. Each ranking is first turned into a file
/// ranking (<see cref="FileRanking"/>), then the two are fused. Questions rewritten from another
/// language get their own weights: the glossary rewrite is a keyword query, which BM25 matches well
/// and an English sentence encoder reads poorly. The defaults were chosen on the dev question sets
/// (see docs/copilot-quality.md), not on the held-out ones: on dev, convex fusion at 0.4–0.6 was best
/// for English (0.5 taken), and BM25 alone was best for translated questions (any vector share lost).
/// </summary>
internal sealed record RankingWeights
{
    public static readonly RankingWeights Default = new();

    /// <summary>Convex combination of normalised scores, or reciprocal-rank fusion.</summary>
    public FusionMethod Method { get; init; } = FusionMethod.Convex;

    /// <summary>Share of BM25 in English questions (the vector ranking gets the rest).</summary>
    public double LexicalShare { get; init; } = 0.5;

    /// <summary>Share of BM25 in questions translated from another language.</summary>
    public double TranslatedLexicalShare { get; init; } = 1.0;

    /// <summary>Reciprocal-rank constant: larger flattens the difference between neighbouring ranks.</summary>
    public int RrfK { get; init; } = 60;

    /// <summary>
    /// English words found nowhere in the docs match close spellings. Not for translated queries: the
    /// words a glossary did not know are foreign, and would match unrelated English words. Neutral on
    /// every dev and held-out set (none of their words is unknown after stemming and identifier
    /// splitting, or the corrected word was not decisive); on for the misspellings people type.
    /// </summary>
    public bool CorrectSpelling { get; init; } = true;

    /// <summary>
    /// Weight of the words of the sentence that asks, in English posts of several sentences (<see cref="AskingSentence"/>);
    /// 1 weighs them as the rest. 1.5 was measured on every question set (docs/copilot-quality.md, seventh round): one more
    /// set H English question found with hybrid retrieval, no set lower; 2 and 3 cost held-out English questions.
    /// </summary>
    public float AskedBoost { get; init; } = 1.5f;

    /// <summary>
    /// Weight of the BM25 score of a passage from a documentation source the question's words do not name, when they name
    /// others (<see cref="Lexical.SourceScope"/>); 1 turns it off. 0.5 was measured on every question set (docs/copilot-quality/m-retrieval.md,
    /// tenth round): held-out sets F en (hybrid), H de, I cs, I it and M de up, none lower; 0.3 lost English and Czech questions, 0.7 found fewer.
    /// </summary>
    public double OutsideScope { get; init; } = 0.5;

    public double ShareOfLexical(bool translated) => translated ? TranslatedLexicalShare : LexicalShare;
}

internal enum FusionMethod
{
    Rrf,
    Convex,
}
