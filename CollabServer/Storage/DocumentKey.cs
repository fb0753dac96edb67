namespace Collab.Server.Storage;

/// <summary>Names one live document: a notebook (or other shared doc) inside a project.</summary>
public readonly record struct DocumentKey(string ProjectId, string DocName)
{
    public override string ToString() => $"{ProjectId}/{DocName}";
}
