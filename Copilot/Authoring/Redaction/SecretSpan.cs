namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Where a secret was found in the scanned text, <c>[Start, End)</c>. <paramref name="Rank"/> orders
/// the finders from most to least specific, so when spans overlap the merged one is named for the
/// most specific (<c>github-token</c> rather than <c>token</c>).
/// </summary>
internal readonly record struct SecretSpan(int Start, int End, string Kind, int Rank)
{
    public const int ShapeRank = 0;
    public const int CommandRank = 1;
    public const int UrlRank = 2;
    public const int ManifestRank = 3;
    public const int AssignmentRank = 4;

    public bool Overlaps(int start, int end) => Start < end && start < End;
}
