using Microsoft.AspNetCore.Http.Features;

namespace Collab.Server.Limits;

/// <summary>Reads request bodies with a byte cap that holds whatever Content-Length claims (or when it is absent).</summary>
public static class RequestBodies
{
    /// <summary>
    /// Copies the body into <paramref name="destination"/>; throws <see cref="LimitExceededException"/>
    /// naming <paramref name="setting"/> once it passes <paramref name="maxBytes"/>, before more is read.
    /// </summary>
    public static async Task CopyToAsync(HttpRequest request, Stream destination, long maxBytes, string setting, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes, setting);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = maxBytes;
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes) throw TooLarge(maxBytes, setting);
                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes, setting); // Kestrel's own cap (set to ours above) tripped first
        }
    }

    private static LimitExceededException TooLarge(long maxBytes, string setting) =>
        new($"The request body is over {setting} ({maxBytes} bytes).");
}
