namespace Collab.Server.Notebooks;

public enum NotebookRenameResult
{
    Renamed,
    NotFound,
    NameTaken,
}
