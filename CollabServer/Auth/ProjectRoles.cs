namespace Collab.Server.Auth;

/// <summary>The wire spelling of roles ("viewer", "editor", "owner") used in the store and the API.</summary>
public static class ProjectRoles
{
    public static string ToWire(this ProjectRole role) => role switch
    {
        ProjectRole.Viewer => "viewer",
        ProjectRole.Editor => "editor",
        ProjectRole.Owner => "owner",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out ProjectRole role)
    {
        role = text?.Trim().ToLowerInvariant() switch
        {
            "viewer" => ProjectRole.Viewer,
            "editor" => ProjectRole.Editor,
            "owner" => ProjectRole.Owner,
            _ => 0,
        };
        return role != 0;
    }

    public static ProjectRole Parse(string text) =>
        TryParse(text, out var role) ? role : throw new FormatException($"Unknown role '{text}'.");
}
