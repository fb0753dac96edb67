using System.Text.RegularExpressions;

namespace Collab.Server.Auth;

/// <summary>
/// Ids of projects and names of documents appear in URLs (<c>/yjs/{projectId}/{docName}</c>),
/// so both are restricted to URL-safe characters without path separators.
/// </summary>
public static partial class ProjectNames
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ProjectIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9 _.\-]{0,127}$")]
    private static partial Regex DocNamePattern();

    public static bool IsValidProjectId(string? id) => id is not null && ProjectIdPattern().IsMatch(id);

    public static bool IsValidDocName(string? name) =>
        name is not null && DocNamePattern().IsMatch(name) && !name.Contains("..") && !name.EndsWith(' ');

    /// <summary>Display names are stored and listed with every project: bounded, so one cannot hold a megabyte.</summary>
    public const int MaxProjectNameChars = 200;

    public static bool IsValidProjectName(string? name) =>
        name is null || (name.Length <= MaxProjectNameChars && !name.Any(char.IsControl));

    public const string ProjectIdRule = "lowercase letters, digits and '-', 1-63 characters, starting with a letter or digit";
    public static readonly string ProjectNameRule = $"at most {MaxProjectNameChars} characters, without control characters";
    public const string DocNameRule = "letters, digits, ' ', '_', '.', '-', 1-128 characters, no '..'";
}
