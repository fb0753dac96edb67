using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup.S3;

/// <summary>
/// The backup bucket through the AWS SDK's S3 client, set up for S3-compatible servers: the
/// configured endpoint, path-style addressing, and checksums only where the API requires them
/// (the SDK's default streaming checksums are not understood by every server).
/// </summary>
public sealed class BackupBucket : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3BackupOptions _options;

    public BackupBucket(IOptions<S3BackupOptions> options)
    {
        _options = options.Value;
        var config = new AmazonS3Config
        {
            ServiceURL = _options.Endpoint,
            ForcePathStyle = _options.ForcePathStyle,
            AuthenticationRegion = _options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), config);
    }

    /// <summary>"bucket at endpoint", for log lines.</summary>
    public string Describe() => $"bucket '{_options.Bucket}' at {_options.Endpoint}";

    public async Task PutAsync(string key, string file, CancellationToken ct)
    {
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            FilePath = file,
            ContentType = "application/octet-stream",
            // A signed single-part body rather than aws-chunked encoding, which not every S3-compatible server decodes.
            UseChunkEncoding = false,
        };
        if (_options.ServerSideEncryption) request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256;
        await _client.PutObjectAsync(request, ct);
    }

    public async Task GetAsync(string key, Stream output, CancellationToken ct)
    {
        using var response = await _client.GetObjectAsync(_options.Bucket, key, ct);
        await using var body = response.ResponseStream;
        await body.CopyToAsync(output, ct);
    }

    /// <summary>Every key under <paramref name="prefix"/>, in key order.</summary>
    public async Task<List<string>> ListAsync(string prefix, CancellationToken ct)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, ct);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        } while (response.IsTruncated == true);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public Task DeleteAsync(string key, CancellationToken ct) => _client.DeleteObjectAsync(_options.Bucket, key, ct);

    public void Dispose() => _client.Dispose();
}
