using Collab.Crdt;

namespace Collab.Server.Rooms;

/// <summary>
/// The typed roots of a notebook document (<c>meta</c>, <c>cells</c>, <c>state</c>), declared before
/// any update is applied, so reads (export, templates, versions) see typed roots rather than ones
/// adopted after integration. Every document that holds a notebook declares them here: the room's,
/// a version being read, an import or a restore built away from the room.
/// </summary>
public static class NotebookRoots
{
    public static Doc Declare(Doc doc)
    {
        doc.GetMap("meta");
        doc.GetArray("cells");
        doc.GetMap("state");
        return doc;
    }
}
