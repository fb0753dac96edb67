using System.Text.Json.Serialization;

namespace Collab.Server.History;

/// <summary>How a cell differs between two notebooks (cells the same in both are not listed).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CellChange>))]
public enum CellChange
{
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    /// <summary>Its source, outputs, metadata or type differ (it may also have moved).</summary>
    [JsonStringEnumMemberName("changed")] Changed,
    /// <summary>The same content at another place among the cells both notebooks have.</summary>
    [JsonStringEnumMemberName("moved")] Moved,
}
