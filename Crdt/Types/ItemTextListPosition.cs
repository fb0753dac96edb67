using Collab.Crdt.Blocks;
using Collab.Crdt.Content;

namespace Collab.Crdt.Types;

/// <summary>A cursor between two items of a text, with the formatting in effect there.</summary>
internal sealed class ItemTextListPosition
{
    public Item? Left;
    public Item? Right;
    public int Index;
    /// <summary>The formatting in effect; null until a format mark is passed (plain text has none).</summary>
    public OrderedDictionary<string, object?>? Attributes;

    public ItemTextListPosition(Item? left, Item? right, int index)
    {
        Left = left;
        Right = right;
        Index = index;
    }

    public OrderedDictionary<string, object?> CurrentAttributes => Attributes ??= new();

    public void Forward()
    {
        var right = Right ?? throw new InvalidOperationException("Cannot move past the end of the text.");
        if (right.Content is ContentFormat format)
        {
            if (!right.Deleted) TextFormatting.UpdateCurrentAttributes(CurrentAttributes, format);
        }
        else if (!right.Deleted) Index += right.Length;
        Left = right;
        Right = right.Right;
    }
}
