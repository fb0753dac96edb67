using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Vectors;

/// <summary>
/// Vectors in a Qdrant collection, over its REST API. Points are keyed by chunk id, which does not
/// change while a chunk's text does not, so every snapshot can share the collection: new points are
/// written before the swap, and readers ignore points whose chunk their snapshot does not hold.
/// </summary>
public sealed class QdrantVectorStore(HttpClient http, IOptions<QdrantOptions> options) : IVectorStore
{
    private const int UpsertBatch = 128;
    private readonly string _collection = Uri.EscapeDataString(options.Value.Collection);

    public async Task ApplyAsync(string snapshotPath, VectorChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Added.Count > 0)
        {
            await EnsureCollectionAsync(changes.Added[0].Vector.Length, cancellationToken);
            foreach (var batch in changes.Added.Chunk(UpsertBatch))
            {
                var points = new JsonArray(batch.Select(v => (JsonNode)new JsonObject
                {
                    ["id"] = PointId(v.ChunkId),
                    ["vector"] = new JsonArray(v.Vector.ToArray().Select(x => (JsonNode)x).ToArray()),
                    ["payload"] = new JsonObject { ["chunk_id"] = v.ChunkId, ["path"] = v.Path },
                }).ToArray());
                await SendAsync(HttpMethod.Put, $"collections/{_collection}/points?wait=true", new JsonObject { ["points"] = points }, cancellationToken);
            }
        }
        if (changes.RemovedChunkIds.Count > 0)
        {
            var ids = new JsonArray(changes.RemovedChunkIds.Select(id => (JsonNode)PointId(id)).ToArray());
            await SendAsync(HttpMethod.Post, $"collections/{_collection}/points/delete?wait=true", new JsonObject { ["points"] = ids }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<VectorMatch>> SearchAsync(string snapshotPath, ReadOnlyMemory<float> query, int top, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["vector"] = new JsonArray(query.ToArray().Select(x => (JsonNode)x).ToArray()),
            ["limit"] = top,
            ["with_payload"] = true,
        };
        using var response = await http.SendAsync(Request(HttpMethod.Post, $"collections/{_collection}/points/search", body), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        await EnsureSuccessAsync(response, cancellationToken);

        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return (json?["result"]?.AsArray() ?? [])
            .Select(point => new VectorMatch(
                point!["payload"]!["chunk_id"]!.GetValue<string>(),
                point["score"]!.GetValue<float>()))
            .ToList();
    }

    private async Task EnsureCollectionAsync(int dimensions, CancellationToken cancellationToken)
    {
        using var existing = await http.SendAsync(Request(HttpMethod.Get, $"collections/{_collection}", null), cancellationToken);
        if (existing.IsSuccessStatusCode) return;
        var body = new JsonObject { ["vectors"] = new JsonObject { ["size"] = dimensions, ["distance"] = "Cosine" } };
        await SendAsync(HttpMethod.Put, $"collections/{_collection}", body, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(Request(method, path, body), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(options.Value.Url!.TrimEnd('/') + "/"), path));
        if (body is not null) request.Content = JsonContent.Create(body);
        if (!string.IsNullOrEmpty(options.Value.ApiKey)) request.Headers.Add("api-key", options.Value.ApiKey);
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException($"Qdrant answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}", null, response.StatusCode);
    }

    /// <summary>Qdrant accepts only integers or UUIDs as point ids; derive a UUID from the chunk id.</summary>
    private static string PointId(string chunkId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(chunkId)).AsSpan(0, 16)).ToString();
}
