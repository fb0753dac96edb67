using System.Text.Json;

namespace Collab.Server.Backup;

/// <summary>
/// How backup entries are (de)serialized: the API's camelCase JSON, indented for people. Reading
/// refuses a missing field or a null where the type allows none, so a malformed manifest fails as
/// bad input rather than later as a null reference.
/// </summary>
internal static class BackupJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
