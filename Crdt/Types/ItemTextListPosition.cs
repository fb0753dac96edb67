using Collab.Crdt.Blocks;
using Collab.Crdt.Content;

namespace Collab.Crdt.Types;

/// <summary>A cursor between two items of a text, with the formatting in effect there.</summary>
internal sealed class ItemTextListPosition
{
    public Item? Left;
    public Item? Right;
    public int Index;
    public readonly OrderedDictionary<string, object?> CurrentAttributes;

    public ItemTextListPosition(Item? left, Item? right, int index, OrderedDictionary<string, object?> currentAttributes)
    {
        Left = left;
        Right = right;
        Index = index;
        CurrentAttributes = currentAttributes;
    }

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
