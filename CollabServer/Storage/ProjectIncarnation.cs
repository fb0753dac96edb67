namespace Collab.Server.Storage;

/// <summary>
/// Each project row gets a fresh random incarnation when it is created, so a project deleted and
/// created again under the same id is a different project: audit entries carry the incarnation
/// they were written in and are listed only for it.
/// </summary>
public static class ProjectIncarnation
{
    public static string New() => Guid.NewGuid().ToString("N");
}
