using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Collab.Server.Chat;
using Collab.Server.Projects;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Hostile archives: bombs are refused with the limit named and leave no project behind; an
/// archive this deployment did not sign brings back no members and no authorship; malformed
/// manifests are bad requests.
/// </summary>
[Trait("Needs", "Server")]
public sealed class BackupImportAttackTests(BackupImportAttackTests.ImportServer fixture) : IClassFixture<BackupImportAttackTests.ImportServer>
{
    private const string Key = "dGhpcy1pcy1hLXRlc3QtYmFja3VwLWtleS0wMTIzNDU2Nzg5YWJjZGVm";

    /// <summary>
    /// One server for the class: every test imports into a project id of its own (<see cref="ClassServer.NewId"/>),
    /// so what one import leaves (or must not leave) is no other test's concern.
    /// </summary>
    public sealed class ImportServer() : ClassServer(new Dictionary<string, string>
    {
        ["Backup:SigningKey"] = Key,
        ["Backup:MaxEntries"] = "64",
        ["Backup:MaxUnpackedBytes"] = "8388608",
    });

    private InProcessServer Server => fixture.Server;

    [Fact]
    public async Task Notebooks_sharing_one_huge_entry_are_refused()
    {
        var notebooks = new JsonArray();
        for (var i = 0; i < 5; i++) notebooks.Add(BackupArchiveBuilder.Notebook($"nb{i}.ipynb", "crdt/big.yjs"));
        var archive = new BackupArchiveBuilder()
            .Add("manifest.json", BackupArchiveBuilder.Manifest("bomb", notebooks))
            .AddZeros("crdt/big.yjs", 100L * 1024 * 1024)
            .Add("chat/messages.json", "[]")
            .Build();

        var response = await ImportAsync("mallory", archive);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("shares an entry", await response.Content.ReadAsStringAsync());
        await AssertNoProjectAsync("bomb");
    }

    [Fact]
    public async Task An_entry_that_unpacks_far_beyond_its_size_is_refused_while_unpacking()
    {
        var notebooks = new JsonArray();
        for (var i = 0; i < 5; i++) notebooks.Add(BackupArchiveBuilder.Notebook($"nb{i}.ipynb", $"crdt/nb{i}.yjs"));
        var builder = new BackupArchiveBuilder().Add("manifest.json", BackupArchiveBuilder.Manifest("ratio", notebooks));
        // Each about 20 KB packed: refused after unpacking about 2 MB of its 20 MB, far below every other cap.
        for (var i = 0; i < 5; i++) builder.AddZeros($"crdt/nb{i}.yjs", 20L * 1024 * 1024);
        var archive = builder.Add("chat/messages.json", "[]").Build();

        var response = await ImportAsync("mallory", archive);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Backup:MaxCompressionRatio", await response.Content.ReadAsStringAsync());
        await AssertNoProjectAsync("ratio");
    }

    [Fact]
    public async Task Entries_that_together_unpack_past_the_total_are_refused_and_the_half_made_project_removed()
    {
        var notebooks = new JsonArray();
        var builder = new BackupArchiveBuilder();
        for (var i = 0; i < 3; i++)
        {
            notebooks.Add(BackupArchiveBuilder.Notebook($"nb{i}.ipynb", $"crdt/nb{i}.yjs"));
            builder.Add($"crdt/nb{i}.yjs", BackupArchiveBuilder.NotebookState(randomChars: 3_500_000));
        }
        var archive = builder.Add("manifest.json", BackupArchiveBuilder.Manifest("total", notebooks)).Add("chat/messages.json", "[]").Build();

        var response = await ImportAsync("mallory", archive);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Backup:MaxUnpackedBytes", await response.Content.ReadAsStringAsync());
        await AssertNoProjectAsync("total");
    }

    [Fact]
    public async Task An_archive_with_too_many_entries_is_refused_before_it_is_parsed()
    {
        var builder = new BackupArchiveBuilder().Add("manifest.json", BackupArchiveBuilder.Manifest("many", new JsonArray())).Add("chat/messages.json", "[]");
        for (var i = 0; i < 100; i++) builder.Add($"junk/{i}", []);

        var response = await ImportAsync("mallory", builder.Build());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Backup:MaxEntries", await response.Content.ReadAsStringAsync());
        await AssertNoProjectAsync("many");
    }

    [Fact]
    public async Task An_unsigned_archive_makes_the_importer_sole_owner_and_authors_plain_labels()
    {
        var members = new JsonArray
        {
            new JsonObject { ["userId"] = "alice", ["role"] = "owner" },
            new JsonObject { ["userId"] = "bob", ["role"] = "viewer" },
        };
        var hello = BackupArchiveBuilder.Message(1, "alice", "transfer the budget to @mallory");
        hello["mentions"] = new JsonArray("mallory");
        var bot = BackupArchiveBuilder.Message(2, "copilot", "half a rep", state: "streaming");
        var archive = new BackupArchiveBuilder()
            .Add("manifest.json", BackupArchiveBuilder.Manifest("forged", new JsonArray(), members))
            .Add("chat/messages.json", new JsonArray(hello, bot))
            .Build();

        Assert.Equal(HttpStatusCode.Created, (await ImportAsync("mallory", archive)).StatusCode);
        Assert.Equal([new MemberView("mallory", "owner")], await MembersAsync("mallory", "forged"));
        using (var alice = Server.Client(TestTokens.For("alice")))
            Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync("/api/projects/forged")).StatusCode);
        var messages = await ChatAsync("mallory", "forged");
        Assert.All(messages, m => Assert.Equal("mallory", m.Author));
        Assert.Equal("**alice** (imported): transfer the budget to @mallory", messages[0].Body);
        Assert.Empty(messages[0].Mentions);
        Assert.Equal("**copilot** (imported): half a rep", messages[1].Body);
        Assert.Equal(ChatMessageState.Interrupted, messages[1].State);
    }

    [Fact]
    public async Task A_signed_archive_imported_by_one_of_its_owners_brings_members_and_authors_back()
    {
        var archive = await SignedBackupAsync("signed");

        Assert.Equal(HttpStatusCode.Created, (await ImportAsync("olivia", archive, "?projectId=signed-copy")).StatusCode);
        Assert.Equal(["eddie:editor", "olivia:owner"],
            (await MembersAsync("olivia", "signed-copy")).Select(m => $"{m.UserId}:{m.Role}").Order(StringComparer.Ordinal));
        var messages = await ChatAsync("olivia", "signed-copy");
        Assert.Equal(("olivia", "hello team"), (messages[0].Author, messages[0].Body));
    }

    [Theory]
    [InlineData("dave")] // a stranger handed the archive
    [InlineData("eddie")] // a member of the archive, but not an owner
    public async Task A_signed_archive_imported_by_anyone_but_its_owners_makes_the_importer_sole_owner(string importer)
    {
        var archive = await SignedBackupAsync($"signed-{importer}");

        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(importer, archive, $"?projectId=copy-{importer}")).StatusCode);
        Assert.Equal([new MemberView(importer, "owner")], await MembersAsync(importer, $"copy-{importer}"));
        using (var olivia = Server.Client(TestTokens.For("olivia")))
            Assert.Equal(HttpStatusCode.NotFound, (await olivia.GetAsync($"/api/projects/copy-{importer}")).StatusCode);
        var messages = await ChatAsync(importer, $"copy-{importer}");
        Assert.Equal((importer, "**olivia** (imported): hello team"), (messages[0].Author, messages[0].Body));
    }

    [Fact]
    public async Task A_signed_archive_whose_manifest_was_edited_imports_as_unsigned()
    {
        var archive = await SignedBackupAsync("edited");
        var forged = Rewrite(archive, "manifest.json", text =>
        {
            var manifest = JsonNode.Parse(text)!.AsObject();
            manifest["members"]!.AsArray().Add(new JsonObject { ["userId"] = "eve", ["role"] = "owner" });
            return manifest.ToJsonString();
        });

        Assert.Equal(HttpStatusCode.Created, (await ImportAsync("eve", forged, "?projectId=edited-copy")).StatusCode);
        Assert.Equal([new MemberView("eve", "owner")], await MembersAsync("eve", "edited-copy"));
        Assert.Equal("**olivia** (imported): hello team", (await ChatAsync("eve", "edited-copy"))[0].Body);
    }

    [Fact]
    public async Task A_signed_archive_whose_chat_was_edited_is_refused()
    {
        var archive = await SignedBackupAsync("tampered");
        var forged = Rewrite(archive, "chat/messages.json", text => text.Replace("hello team", "send me the keys"));

        var response = await ImportAsync("eve", forged, "?projectId=tampered-copy");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("changed after the archive was signed", await response.Content.ReadAsStringAsync());
        await AssertNoProjectAsync("tampered-copy", "eve");
    }

    [Theory]
    [InlineData("members", null)]
    [InlineData("notebooks", null)]
    [InlineData("project", null)]
    [InlineData("chatSettings", null)]
    [InlineData("chatEntry", null)]
    [InlineData("version", "\"one\"")]
    [InlineData("exportedAt", "\"yesterday\"")]
    [InlineData("notebooks", "[null]")]
    [InlineData("members", "[{\"userId\":\"bob\",\"role\":\"god\"}]")]
    [InlineData("project", "{\"id\":\"x\",\"name\":null,\"createdAt\":\"2026-01-01T00:00:00Z\"}")]
    [InlineData("notebooks", "[{\"name\":\"a.ipynb\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"ipynbEntry\":null,\"crdtEntry\":\"c\"}]")]
    public async Task A_malformed_manifest_field_is_a_bad_request(string field, string? json)
    {
        var project = fixture.NewId("malformed");
        var manifest = BackupArchiveBuilder.Manifest(project, new JsonArray());
        manifest[field] = json is null ? null : JsonNode.Parse(json);
        var archive = new BackupArchiveBuilder().Add("manifest.json", manifest).Add("chat/messages.json", "[]").Build();

        Assert.Equal(HttpStatusCode.BadRequest, (await ImportAsync("mallory", archive)).StatusCode);
        await AssertNoProjectAsync(project);
    }

    [Theory]
    [InlineData("[null]")]
    [InlineData("{}")]
    [InlineData("[{\"id\":1}]")]
    public async Task A_malformed_chat_entry_is_a_bad_request_and_leaves_no_project(string chat)
    {
        var project = fixture.NewId("badchat");
        var archive = new BackupArchiveBuilder()
            .Add("manifest.json", BackupArchiveBuilder.Manifest(project, new JsonArray()))
            .Add("chat/messages.json", chat)
            .Build();

        Assert.Equal(HttpStatusCode.BadRequest, (await ImportAsync("mallory", archive)).StatusCode);
        await AssertNoProjectAsync(project);
    }

    /// <summary>A real, signed backup of a project with two members and one message.</summary>
    private async Task<byte[]> SignedBackupAsync(string project)
    {
        await Server.CreateProjectAsync("olivia", project);
        await Server.AddMemberAsync("olivia", project, "eddie", "editor");
        using var olivia = Server.Client(TestTokens.For("olivia"));
        (await olivia.PostAsJsonAsync($"/api/projects/{project}/chat/messages", new ChatMessageDraft("hello team"))).EnsureSuccessStatusCode();
        var response = await olivia.GetAsync($"/api/projects/{project}/backup");
        response.EnsureSuccessStatusCode();
        var archive = await response.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(archive)))
            Assert.NotNull(zip.GetEntry("manifest.sig"));
        return archive;
    }

    private static byte[] Rewrite(byte[] archive, string entry, Func<string, string> change)
    {
        using var buffer = new MemoryStream();
        buffer.Write(archive);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var old = zip.GetEntry(entry)!;
            string text;
            using (var reader = new StreamReader(old.Open())) text = reader.ReadToEnd();
            old.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open(), new UTF8Encoding(false));
            writer.Write(change(text));
        }
        return buffer.ToArray();
    }

    private async Task<HttpResponseMessage> ImportAsync(string user, byte[] archive, string query = "")
    {
        using var client = Server.Client(TestTokens.For(user));
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await client.PostAsync($"/api/projects/import{query}", content);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task AssertNoProjectAsync(string project, string user = "mallory")
    {
        using var client = Server.Client(TestTokens.For(user));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/projects/{project}")).StatusCode);
        using var creator = Server.Client(TestTokens.For("someone-else"));
        // The id is free again: nothing half-made is left holding it.
        Assert.Equal(HttpStatusCode.Created, (await creator.PostAsJsonAsync("/api/projects", new { id = project })).StatusCode);
    }

    private async Task<List<MemberView>> MembersAsync(string user, string project)
    {
        using var client = Server.Client(TestTokens.For(user));
        return (await client.GetFromJsonAsync<List<MemberView>>($"/api/projects/{project}/members"))!;
    }

    private async Task<IReadOnlyList<ChatMessage>> ChatAsync(string user, string project)
    {
        using var client = Server.Client(TestTokens.For(user));
        return (await client.GetFromJsonAsync<ChatPage>($"/api/projects/{project}/chat/messages?limit=200"))!.Messages;
    }
}
