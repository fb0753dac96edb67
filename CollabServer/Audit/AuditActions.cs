namespace Collab.Server.Audit;

/// <summary>The stored spelling of every audited action.</summary>
public static class AuditActions
{
    /// <summary>First use of a token in a project (see <see cref="LoginAuditor"/>).</summary>
    public const string Login = "login";
    public const string ProjectCreate = "project.create";
    public const string ProjectDelete = "project.delete";
    public const string ProjectBackup = "project.backup";
    public const string ProjectImport = "project.import";
    /// <summary>An owner moved the project to another Jupyter Server (detail: its name).</summary>
    public const string ProjectJupyterServer = "project.jupyter-server";
    public const string MemberAdd = "member.add";
    public const string MemberRoleChange = "member.role";
    public const string MemberRemove = "member.remove";
    public const string NotebookCreate = "notebook.create";
    public const string NotebookImport = "notebook.import";
    public const string NotebookExport = "notebook.export";
    public const string NotebookDelete = "notebook.delete";
    public const string NotebookRename = "notebook.rename";
    public const string NotebookCheckpoint = "notebook.checkpoint";
    public const string NotebookRestore = "notebook.restore";
}
