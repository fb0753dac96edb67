using System.Text.Json.Serialization;

namespace Collab.Server.Auth;

/// <summary>What a member may do in a project; each role includes the ones below it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProjectRole>))]
public enum ProjectRole
{
    /// <summary>Reads notebooks and shows presence; the server rejects their updates.</summary>
    Viewer = 1,
    /// <summary>Edits, creates, imports and deletes notebooks.</summary>
    Editor = 2,
    /// <summary>Also manages members and deletes the project.</summary>
    Owner = 3,
}
