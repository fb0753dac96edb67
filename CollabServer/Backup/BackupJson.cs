using System.Text.Json;

namespace Collab.Server.Backup;

/// <summary>How backup entries are (de)serialized: the API's camelCase JSON, indented for people.</summary>
internal static class BackupJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
