using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Audit;
using Collab.Server.Chat;
using Collab.Server.Projects;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// A project backed up on one server (SQLite) and imported into another (PostgreSQL) of the same
/// deployment (the same <c>Backup:SigningKey</c>) arrives whole: notebook JSON, CRDT state, chat
/// (edits, replies, tombstones, settings) and members.
/// </summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class BackupRoundTripTests : IAsyncLifetime
{
    private const string Project = "roundtrip";
    private static readonly Dictionary<string, string> Deployment = new()
    {
        ["Backup:SigningKey"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("roundtrip-backup-signing-key-0123456789")),
        ["Chat:MessagesPerSecond"] = "10000",
        ["Chat:MessageBurst"] = "10000",
    };
    private ServerProcess _source = null!;
    private ServerProcess _target = null!;

    public async Task InitializeAsync()
    {
        _source = await ServerProcess.StartAsync(settings: Deployment);
        _target = await ServerProcess.StartAsync(postgres: await TestPostgres.CreateDatabaseAsync("backup_target"), settings: Deployment);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task A_backup_imported_into_another_instance_loses_nothing()
    {
        await BuildProjectAsync();
        var archive = await BackupAsync(_source, "olivia", Project);

        // Imported by one of its owners: only they get its members and authors back.
        using var oscar = _target.Client(TestTokens.For("oscar"));
        var imported = await ImportAsync(oscar, archive, "");
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var summary = (await imported.Content.ReadFromJsonAsync<ProjectSummary>())!;
        Assert.Equal((Project, "owner"), (summary.Id, summary.Role));
        Assert.Equal(HttpStatusCode.Conflict, (await ImportAsync(oscar, archive, "")).StatusCode);

        // Notebooks: the same names, the same .ipynb, the same CRDT state.
        var names = await NotebookNamesAsync(_source, "olivia");
        Assert.Equal(names, await NotebookNamesAsync(_target, "oscar"));
        foreach (var name in names)
            Assert.True(JsonNode.DeepEquals(await _source.ExportAsync("olivia", Project, name), await _target.ExportAsync("oscar", Project, name)), name);
        var again = await BackupAsync(_target, "oscar", Project);
        foreach (var name in names) Assert.Equal(CrdtState(archive, name), CrdtState(again, name));

        // Members: all of them, the importer an owner as before.
        var members = await MembersAsync(_source, "olivia");
        Assert.Equal(members.OrderBy(m => m.UserId), (await MembersAsync(_target, "oscar")).OrderBy(m => m.UserId));

        // Chat: every message with its edits, tombstones and reply links; the settings.
        Assert.Equal(await ChatAsync(_source, "olivia"), await ChatAsync(_target, "oscar"));
        Assert.Equal(await ChatSettingsAsync(_source, "olivia"), await ChatSettingsAsync(_target, "oscar"));

        // Both sides audited.
        Assert.Contains(await AuditAsync(_source, "olivia"), e => e.Action == AuditActions.ProjectBackup && e.Actor == "olivia");
        Assert.Contains(await AuditAsync(_target, "oscar"), e => e.Action == AuditActions.ProjectImport && e.Actor == "oscar");
    }

    [Fact]
    public async Task Only_owners_back_up_and_a_copy_can_take_another_id()
    {
        await _source.CreateProjectAsync("olivia", Project);
        await _source.AddMemberAsync("olivia", Project, "eddie", "editor");
        using (var eddie = _source.Client(TestTokens.For("eddie")))
            Assert.Equal(HttpStatusCode.Forbidden, (await eddie.GetAsync($"/api/projects/{Project}/backup")).StatusCode);
        var archive = await BackupAsync(_source, "olivia", Project);

        using var olivia = _source.Client(TestTokens.For("olivia"));
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(olivia, archive, "?projectId=roundtrip-copy")).StatusCode);
        Assert.Equal(await NotebookNamesAsync(_source, "olivia"), await NotebookNamesAsync(_source, "olivia", "roundtrip-copy"));
        Assert.Equal(HttpStatusCode.BadRequest, (await ImportAsync(olivia, [1, 2, 3], "?projectId=garbage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await olivia.GetAsync("/api/projects/garbage")).StatusCode);
    }

    [Fact]
    public async Task A_chat_longer_than_a_page_is_written_page_by_page_in_order()
    {
        await _source.CreateProjectAsync("olivia", Project);
        using var olivia = _source.Client(TestTokens.For("olivia"));
        const int Count = 1_201; // the writer reads 500 at a time: three pages, the last one short
        for (var i = 0; i < Count; i++) await PostAsync(olivia, new ChatMessageDraft($"message {i}"));
        var archive = await BackupAsync(_source, "olivia", Project);

        JsonArray messages;
        using (var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read))
        using (var stream = zip.GetEntry("chat/messages.json")!.Open())
            messages = JsonNode.Parse(stream)!.AsArray();
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"message {i}"), messages.Select(m => (string)m!["body"]!));
        var ids = messages.Select(m => (long)m!["id"]!).ToList();
        Assert.Equal(ids.Order(), ids);

        // The streamed entry's digest is the one the signature covers: the import verifies it.
        using var importer = _target.Client(TestTokens.For("olivia"));
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(importer, archive, "")).StatusCode);
        var last = (await importer.GetFromJsonAsync<ChatPage>($"/api/projects/{Project}/chat/messages?limit=1"))!;
        Assert.Equal(("olivia", $"message {Count - 1}"), (last.Messages[0].Author, last.Messages[0].Body));
    }

    private async Task BuildProjectAsync()
    {
        await _source.CreateProjectAsync("olivia", Project);
        await _source.AddMemberAsync("olivia", Project, "eddie", "editor");
        await _source.AddMemberAsync("olivia", Project, "vera", "viewer");
        await _source.AddMemberAsync("olivia", Project, "oscar", "owner");
        await _source.CreateNotebookAsync("eddie", Project, "analysis.ipynb");
        await using (var client = await HubDocClient.JoinAsync(_source, TestTokens.For("eddie"), Project, "analysis.ipynb"))
        {
            client.Edit(doc => NotebookEdits.InsertCodeCell(doc, 0, "import numpy as np"));
            client.Edit(doc => NotebookEdits.InsertCodeCell(doc, 1, "print(np.arange(3))"));
            client.Edit(doc => NotebookEdits.Source(doc, 0).Insert(0, "# setup\n"));
            client.Edit(doc => NotebookEdits.Source(doc, 1).Delete(0, 6));
            await client.FlushAsync();
        }

        using var olivia = _source.Client(TestTokens.For("olivia"));
        using var eddie = _source.Client(TestTokens.For("eddie"));
        var hello = await PostAsync(olivia, new ChatMessageDraft("hello @eddie, see the notebook"));
        var reply = await PostAsync(eddie, new ChatMessageDraft("on it", ReplyTo: hello.Id));
        await PostAsync(eddie, new ChatMessageDraft("cell 0 is slow", Cell: new NotebookCellRef("analysis.ipynb", "c0")));
        var oops = await PostAsync(eddie, new ChatMessageDraft("wrong room"));
        (await olivia.PatchAsJsonAsync($"/api/projects/{Project}/chat/messages/{hello.Id}", new EditChatMessageRequest("hello @eddie, see analysis.ipynb"))).EnsureSuccessStatusCode();
        (await eddie.DeleteAsync($"/api/projects/{Project}/chat/messages/{oops.Id}")).EnsureSuccessStatusCode();
        await PostAsync(olivia, new ChatMessageDraft("thanks", ReplyTo: reply.Id));
        (await olivia.PutAsJsonAsync($"/api/projects/{Project}/chat/settings", new ChatSettings(ViewersCanPost: false))).EnsureSuccessStatusCode();
    }

    private static async Task<ChatMessage> PostAsync(HttpClient client, ChatMessageDraft draft)
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", draft);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatMessage>())!;
    }

    private static async Task<byte[]> BackupAsync(ServerProcess server, string owner, string project)
    {
        using var client = server.Client(TestTokens.For(owner));
        var response = await client.GetAsync($"/api/projects/{project}/backup");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] archive, string query)
    {
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return client.PostAsync($"/api/projects/import{query}", content);
    }

    private static byte[] CrdtState(byte[] archive, string notebook)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        using var stream = zip.GetEntry($"crdt/{notebook}.yjs")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<List<string>> NotebookNamesAsync(ServerProcess server, string user, string project = Project)
    {
        using var client = server.Client(TestTokens.For(user));
        var list = await client.GetFromJsonAsync<List<JsonObject>>($"/api/projects/{project}/notebooks");
        return list!.Select(n => (string)n["name"]!).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<MemberView>> MembersAsync(ServerProcess server, string user)
    {
        using var client = server.Client(TestTokens.For(user));
        return (await client.GetFromJsonAsync<List<MemberView>>($"/api/projects/{Project}/members"))!;
    }

    /// <summary>The history with ids replaced by positions, so two instances' histories compare.</summary>
    private static async Task<List<string>> ChatAsync(ServerProcess server, string user)
    {
        using var client = server.Client(TestTokens.For(user));
        var page = (await client.GetFromJsonAsync<ChatPage>($"/api/projects/{Project}/chat/messages?limit=200"))!;
        var position = page.Messages.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return page.Messages.Select(m => string.Join(" | ", m.Author, m.Body, m.CreatedAt.ToUnixTimeMilliseconds(),
            m.EditedAt?.ToUnixTimeMilliseconds(), m.DeletedAt?.ToUnixTimeMilliseconds(), m.DeletedBy,
            m.ReplyTo is { } r ? position[r] : -1, m.Cell, m.State, string.Join(',', m.Mentions))).ToList();
    }

    private static async Task<ChatSettings> ChatSettingsAsync(ServerProcess server, string user)
    {
        using var client = server.Client(TestTokens.For(user));
        return (await client.GetFromJsonAsync<ChatSettings>($"/api/projects/{Project}/chat/settings"))!;
    }

    private static async Task<List<AuditEntry>> AuditAsync(ServerProcess server, string owner)
    {
        using var client = server.Client(TestTokens.For(owner));
        return (await client.GetFromJsonAsync<List<AuditEntry>>($"/api/projects/{Project}/audit"))!;
    }
}
