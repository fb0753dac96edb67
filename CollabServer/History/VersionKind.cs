using System.Text.Json.Serialization;

namespace Collab.Server.History;

/// <summary>Why a version was kept; the wire and stored spelling is the member's name attribute.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VersionKind>))]
public enum VersionKind
{
    /// <summary>Taken by the server after a quiet period with edits.</summary>
    [JsonStringEnumMemberName("auto")] Auto,
    /// <summary>Saved by a member, with a name.</summary>
    [JsonStringEnumMemberName("checkpoint")] Checkpoint,
    /// <summary>The notebook as it was just before a restore changed it.</summary>
    [JsonStringEnumMemberName("before-restore")] BeforeRestore,
    /// <summary>The notebook as it was just before an .ipynb import replaced it.</summary>
    [JsonStringEnumMemberName("before-import")] BeforeImport,
    /// <summary>The notebook right after a restore.</summary>
    [JsonStringEnumMemberName("restore")] Restore,
}

public static class VersionKinds
{
    public static string ToWire(this VersionKind kind) => kind switch
    {
        VersionKind.Auto => "auto",
        VersionKind.Checkpoint => "checkpoint",
        VersionKind.BeforeRestore => "before-restore",
        VersionKind.BeforeImport => "before-import",
        VersionKind.Restore => "restore",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static VersionKind Parse(string wire) => wire switch
    {
        "auto" => VersionKind.Auto,
        "checkpoint" => VersionKind.Checkpoint,
        "before-restore" => VersionKind.BeforeRestore,
        "before-import" => VersionKind.BeforeImport,
        "restore" => VersionKind.Restore,
        _ => throw new InvalidDataException($"Unknown version kind '{wire}'."),
    };
}
