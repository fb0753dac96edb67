using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Collab.Server.Backup.S3;
using Collab.Server.Chat;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Scheduled backups to a real S3-compatible server (s3rver): what a run uploads, retention,
/// client-side encryption at rest, the restore command reading archives and database dumps back
/// into SQLite and PostgreSQL, and a bucket that refuses the credentials.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class S3BackupTests : IAsyncLifetime
{
    private const string Project = "alpha";
    private const string Owner = "olivia";
    /// <summary>A schedule that does not fire while a test runs (1 January, 00:00): the tests run the backup themselves.</summary>
    private const string Never = "0 0 1 1 *";
    private static readonly string EncryptionKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("s3-backup-test-encryption-key-32"));
    private static readonly Dictionary<string, string> Deployment = new()
    {
        ["Backup:SigningKey"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("s3-backup-signing-key-0123456789abcdef")),
    };
    private S3TestServer _s3 = null!;

    public async Task InitializeAsync() => _s3 = await S3TestServer.StartAsync();

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    [Fact]
    public async Task A_scheduled_run_uploads_every_project_and_the_database()
    {
        await using var server = new InProcessServer(Settings("scheduled/", ("Backup:S3:Schedule", "00:00:01")));
        await BuildProjectAsync(server);

        Assert.True(await Eventually.HoldsAsync(() =>
            Keys("scheduled/projects/alpha/").Any(k => k.EndsWith(".zip")) && Keys("scheduled/database/").Any(k => k.EndsWith(".sqlite")),
            TimeSpan.FromSeconds(60)), string.Join("\n", Keys("")));
        // The objects are in the bucket before the run that wrote them has finished, counted itself and
        // recorded its outcome (a failure seen on an idle machine): wait for all three.
        using var http = new HttpClient();
        Assert.True(await Eventually.HoldsAsync(async () =>
            await MetricValue.ReadAsync(server.HttpUrl, "collab_backup_runs_total", "outcome=\"ok\"") >= 1
            && await MetricValue.ReadAsync(server.HttpUrl, "collab_backup_last_success_timestamp_seconds") > 0
            && (await http.GetAsync($"{server.HttpUrl}/healthz/backup")).StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Retention_keeps_the_newest_KeepLast_of_each_series()
    {
        await using var server = new InProcessServer(Settings("retention/", ("Backup:S3:Schedule", Never), ("Backup:S3:KeepLast", "2")));
        await BuildProjectAsync(server);
        var runner = server.Get<S3BackupRunner>();
        await runner.RunOnceAsync(CancellationToken.None);
        var first = Keys("retention/");
        await runner.RunOnceAsync(CancellationToken.None);
        await runner.RunOnceAsync(CancellationToken.None);

        var projectKeys = Keys("retention/projects/alpha/");
        var databaseKeys = Keys("retention/database/");
        Assert.Equal(2, projectKeys.Count);
        Assert.Equal(2, databaseKeys.Count);
        Assert.Empty(first.Intersect(projectKeys.Concat(databaseKeys)));
        // Unencrypted, the bucket holds readable archives and databases (what the encryption test rules out).
        Assert.Contains("manifest.json", Encoding.Latin1.GetString(File.ReadAllBytes(ObjectFile(projectKeys[0]))));
        Assert.StartsWith("SQLite format 3", Encoding.Latin1.GetString(File.ReadAllBytes(ObjectFile(databaseKeys[0]))));
    }

    [Fact]
    public async Task Encrypted_backups_are_not_plaintext_at_rest_and_need_the_key_to_restore()
    {
        var settings = Settings("encrypted/", ("Backup:S3:Schedule", Never), ("Backup:S3:EncryptionKey", EncryptionKey), ("Backup:S3:ServerSideEncryption", "true"));
        await using (var server = new InProcessServer(settings))
        {
            await BuildProjectAsync(server);
            await server.Get<S3BackupRunner>().RunOnceAsync(CancellationToken.None);
        }
        var keys = Keys("encrypted/");
        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            Assert.EndsWith(BackupObjectKey.EncryptedSuffix, key);
            var atRest = Encoding.Latin1.GetString(File.ReadAllBytes(ObjectFile(key)));
            Assert.DoesNotContain("manifest.json", atRest);
            Assert.DoesNotContain("SQLite format", atRest);
            Assert.DoesNotContain("print(42)", atRest);
        }
        var projectKey = keys.Single(k => k.Contains("/projects/"));

        var target = Directory.CreateTempSubdirectory("collab-s3-restore-").FullName;
        try
        {
            var withoutKey = Settings("encrypted/", ("Storage:DataDirectory", target));
            var refused = await RunCommandAsync(withoutKey, "project", "--key", projectKey);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("Backup:S3:EncryptionKey", refused.Output);

            var restored = await RunCommandAsync(Settings("encrypted/", ("Storage:DataDirectory", target), ("Backup:S3:EncryptionKey", EncryptionKey)),
                "project", "--key", projectKey);
            Assert.True(restored.ExitCode == 0, restored.Output);
            await using var check = await ServerProcess.StartAsync(settings: With(Deployment, ("Storage:DataDirectory", target)));
            Assert.Contains("print(42)", (await check.ExportAsync(Owner, Project, "a.ipynb")).ToJsonString());
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_restore_command_brings_a_project_and_the_database_back_from_the_bucket(string store)
    {
        var prefix = $"roundtrip-{store}/";
        var sourceDb = store == "postgres" ? await TestPostgres.CreateDatabaseAsync("s3_source") : null;
        var settings = Settings(prefix, ("Backup:S3:Schedule", Never));
        if (sourceDb is not null) settings["ConnectionStrings:Postgres"] = sourceDb;
        List<string> chat;
        Dictionary<string, JsonObject> notebooks;
        await using (var source = new InProcessServer(settings))
        {
            await BuildProjectAsync(source);
            await source.Get<S3BackupRunner>().RunOnceAsync(CancellationToken.None);
            using var client = source.Client(TestTokens.For(Owner));
            chat = await ChatAsync(client);
            notebooks = await NotebooksAsync(client);
        }

        var listed = await RunCommandAsync(settings, "list");
        Assert.True(listed.ExitCode == 0, listed.Output);
        var keys = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var projectKey = Assert.Single(keys, k => k.StartsWith($"{prefix}projects/{Project}/"));
        var databaseKey = Assert.Single(keys, k => k.StartsWith($"{prefix}database/"));
        Assert.EndsWith(store == "postgres" ? ".pgdump" : ".sqlite", databaseKey);

        // Each way back into an empty store of the same kind: the project archive, and the whole-database dump.
        foreach (var (verb, key) in new[] { ("project", projectKey), ("database", databaseKey) })
        {
            var target = Directory.CreateTempSubdirectory("collab-s3-restore-").FullName;
            var targetSettings = With(settings, ("Storage:DataDirectory", target));
            if (store == "postgres") targetSettings["ConnectionStrings:Postgres"] = await TestPostgres.CreateDatabaseAsync("s3_target");
            try
            {
                var restored = await RunCommandAsync(targetSettings, verb, "--key", key);
                Assert.True(restored.ExitCode == 0, restored.Output);
                await using var check = await ServerProcess.StartAsync(
                    postgres: targetSettings.GetValueOrDefault("ConnectionStrings:Postgres"),
                    settings: With(Deployment, ("Storage:DataDirectory", target)));
                using var client = check.Client(TestTokens.For(Owner));
                Assert.Equal(chat, await ChatAsync(client));
                var back = await NotebooksAsync(client);
                Assert.Equal(notebooks.Keys.Order(), back.Keys.Order());
                foreach (var (name, ipynb) in notebooks) Assert.True(JsonNode.DeepEquals(ipynb, back[name]), $"{verb}: {name}");
                var members = await client.GetFromJsonAsync<List<JsonObject>>($"/api/projects/{Project}/members");
                Assert.Contains(members!, m => (string)m["userId"]! == "eddie" && (string)m["role"]! == "editor");
            }
            finally
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Refused_credentials_are_logged_counted_and_reported_without_stopping_the_server()
    {
        var settings = With(Deployment, [.. _s3.Settings(accessKey: "not-a-key").Select(kv => (kv.Key, kv.Value)),
            ("Backup:S3:Prefix", "refused/"), ("Backup:S3:Schedule", "00:00:01")]);
        await using var server = await ServerProcess.StartAsync(settings: settings);
        await server.CreateProjectAsync(Owner, Project);

        Assert.True(await Eventually.HoldsAsync(() => server.Log.Contains("InvalidAccessKeyId"), TimeSpan.FromSeconds(60)), server.Log);
        Assert.Contains("collab-backups", server.Log); // the log names the bucket
        // The refusal is logged while the run goes on; it is counted and reported when the run ends.
        using var http = new HttpClient();
        Assert.True(await Eventually.HoldsAsync(async () =>
            await MetricValue.ReadAsync(server.HttpUrl, "collab_backup_runs_total", "outcome=\"error\"") >= 1
            && (await http.GetAsync($"{server.HttpUrl}/healthz/backup")).StatusCode == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{server.HttpUrl}/readyz")).StatusCode);
        Assert.True(server.IsRunning);
        Assert.Empty(Keys("refused/"));
    }

    private Dictionary<string, string> Settings(string prefix, params (string Key, string Value)[] more) =>
        With(Deployment, [.. _s3.Settings().Select(kv => (kv.Key, kv.Value)), ("Backup:S3:Prefix", prefix), .. more]);

    private static Dictionary<string, string> With(IDictionary<string, string> settings, params (string Key, string Value)[] more)
    {
        var result = new Dictionary<string, string>(settings);
        foreach (var (key, value) in more) result[key] = value;
        return result;
    }

    /// <summary>The object keys under <paramref name="prefix"/>, read from s3rver's directory (what lies at rest).</summary>
    private List<string> Keys(string prefix)
    {
        const string suffix = "._S3rver_object";
        if (!Directory.Exists(_s3.BucketDirectory)) return [];
        return Directory.EnumerateFiles(_s3.BucketDirectory, "*" + suffix, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_s3.BucketDirectory, f)[..^suffix.Length].Replace('\\', '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
    }

    private string ObjectFile(string key) => Path.Combine(_s3.BucketDirectory, key + "._S3rver_object");

    /// <summary>The server's own CLI (<c>Collab.Server backup-restore ...</c>) with the settings in its environment.</summary>
    private static async Task<(int ExitCode, string Output)> RunCommandAsync(IDictionary<string, string> settings, params string[] args)
    {
        var info = ServerCommand.StartInfo(Path.GetTempPath(), [BackupRestoreCommand.Name, .. args]);
        info.Environment["Auth__SigningKey"] = TestTokens.SigningKey;
        info.Environment["Auth__Issuer"] = TestTokens.Issuer;
        info.Environment["Auth__Audience"] = TestTokens.Audience;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task BuildProjectAsync(InProcessServer server)
    {
        using var olivia = server.Client(TestTokens.For(Owner));
        using var eddie = server.Client(TestTokens.For("eddie"));
        (await olivia.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
        (await olivia.PutAsJsonAsync($"/api/projects/{Project}/members/eddie", new { role = "editor" })).EnsureSuccessStatusCode();
        foreach (var (name, source) in new[] { ("a.ipynb", "print(42)"), ("b.ipynb", "import math\nmath.pi") })
        {
            var content = JsonNode.Parse($$"""
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "code", "id": "c1", "source": {{System.Text.Json.JsonSerializer.Serialize(source)}}, "metadata": {}, "outputs": [], "execution_count": null}]}
                """);
            (await eddie.PostAsJsonAsync($"/api/projects/{Project}/notebooks", new { name, content })).EnsureSuccessStatusCode();
        }
        var hello = await PostAsync(olivia, new ChatMessageDraft("hello @eddie"));
        await PostAsync(eddie, new ChatMessageDraft("on it", ReplyTo: hello.Id));
        (await olivia.PatchAsJsonAsync($"/api/projects/{Project}/chat/messages/{hello.Id}", new EditChatMessageRequest("hello @eddie, see a.ipynb"))).EnsureSuccessStatusCode();
    }

    private static async Task<ChatMessage> PostAsync(HttpClient client, ChatMessageDraft draft)
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", draft);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatMessage>())!;
    }

    /// <summary>The chat history with ids replaced by positions, so two stores' histories compare.</summary>
    private static async Task<List<string>> ChatAsync(HttpClient client)
    {
        var page = (await client.GetFromJsonAsync<ChatPage>($"/api/projects/{Project}/chat/messages?limit=200"))!;
        var position = page.Messages.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return page.Messages.Select(m => string.Join(" | ", m.Author, m.Body, m.CreatedAt.ToUnixTimeMilliseconds(),
            m.EditedAt?.ToUnixTimeMilliseconds(), m.ReplyTo is { } r ? position[r] : -1)).ToList();
    }

    private static async Task<Dictionary<string, JsonObject>> NotebooksAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<List<JsonObject>>($"/api/projects/{Project}/notebooks");
        var result = new Dictionary<string, JsonObject>();
        foreach (var name in list!.Select(n => (string)n["name"]!))
            result[name] = JsonNode.Parse(await client.GetStringAsync($"/api/projects/{Project}/notebooks/{name}/export"))!.AsObject();
        return result;
    }
}
