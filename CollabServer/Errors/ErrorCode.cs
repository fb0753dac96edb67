using System.Text.Json.Serialization;

namespace Collab.Server.Errors;

/// <summary>
/// The machine-readable kind of every refusal, the same set on REST (problem details
/// <c>code</c>) and on the hub (the <c>[code]</c> prefix of a hub error, see
/// <see cref="ErrorCodes.HubMessage"/>), so clients react without matching message text.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ErrorCode>))]
public enum ErrorCode
{
    /// <summary>Bad input or a call that makes no sense in this state (HTTP 400).</summary>
    [JsonStringEnumMemberName("invalid")] Invalid,
    /// <summary>No valid token, or one without the user claim (HTTP 401).</summary>
    [JsonStringEnumMemberName("unauthorized")] Unauthorized,
    /// <summary>A member whose role (or authorship) does not allow it (HTTP 403).</summary>
    [JsonStringEnumMemberName("forbidden")] Forbidden,
    /// <summary>Unknown, or not visible to the caller: the two look alike (HTTP 404).</summary>
    [JsonStringEnumMemberName("not_found")] NotFound,
    /// <summary>The target's state does not allow it, e.g. a reply that is not streaming (HTTP 409).</summary>
    [JsonStringEnumMemberName("conflict")] Conflict,
    /// <summary>Over a size limit; the setting is named in the message (HTTP 413).</summary>
    [JsonStringEnumMemberName("too_large")] TooLarge,
    /// <summary>Over a rate limit; comes with a retry-after in seconds (HTTP 429).</summary>
    [JsonStringEnumMemberName("rate_limited")] RateLimited,
    /// <summary>A dependency (the database, the room) is away for now; try again (HTTP 503).</summary>
    [JsonStringEnumMemberName("unavailable")] Unavailable,
    /// <summary>A server fault (HTTP 500).</summary>
    [JsonStringEnumMemberName("internal")] Internal,
}
