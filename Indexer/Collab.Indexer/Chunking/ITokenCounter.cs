namespace Collab.Indexer.Chunking;

/// <summary>Counts model tokens, the unit chunk bounds are expressed in.</summary>
public interface ITokenCounter
{
    int CountTokens(string text);
}
