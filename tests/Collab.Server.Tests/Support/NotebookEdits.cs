using Collab.Crdt;
using Collab.Crdt.Types;

namespace Collab.Server.Tests.Support;

/// <summary>Edits a notebook Doc the way JupyterLab's YNotebook does (same shared structure).</summary>
public static class NotebookEdits
{
    /// <summary>A Doc with the notebook roots declared up front, as YNotebook's constructor does.</summary>
    public static Doc NewNotebookDoc()
    {
        var doc = new Doc();
        doc.GetMap("meta");
        doc.GetArray("cells");
        doc.GetMap("state");
        return doc;
    }

    public static void InsertCodeCell(Doc doc, int index, string source)
    {
        var cell = new YMap();
        cell.Set("source", new YText(source));
        cell.Set("metadata", new YMap());
        cell.Set("cell_type", "code");
        cell.Set("id", Guid.NewGuid().ToString());
        cell.Set("outputs", new YArray());
        cell.Set("execution_count", null);
        doc.GetArray("cells").Insert(index, cell);
    }

    public static int CellCount(Doc doc) => doc.GetArray("cells").Length;

    public static YText Source(Doc doc, int index) => (YText)((YMap)doc.GetArray("cells").Get(index)!).Get("source")!;
}
