namespace Collab.Server.Tests.Support;

/// <summary>
/// One in-process server for all the tests of a class (an <c>IClassFixture</c>), for classes whose
/// tests each work in projects and documents of their own, so none can change what another sees:
/// a server start is seconds on a busy machine, paid once per class instead of once per test.
/// A subclass names the settings (or how to start the server, for one on a database made for it);
/// <see cref="NewId"/> and <see cref="NewProjectAsync"/> give each test (and each case of a theory)
/// names no other test uses.
/// </summary>
public abstract class ClassServer : IAsyncLifetime
{
    private readonly Func<Task<InProcessServer>> _start;
    private int _ids;

    protected ClassServer(IDictionary<string, string>? settings = null)
        : this(() => Task.FromResult(new InProcessServer(settings)))
    {
    }

    protected ClassServer(Func<Task<InProcessServer>> start) => _start = start;

    public InProcessServer Server { get; private set; } = null!;

    /// <summary><paramref name="prefix"/> and a number not handed out before on this server.</summary>
    public string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _ids)}";

    /// <summary>
    /// A project of one test's own (a new id from <paramref name="prefix"/>) that <paramref name="owner"/>
    /// owns, with <paramref name="members"/> (user, role) added.
    /// </summary>
    public async Task<string> NewProjectAsync(string prefix, string owner, params (string User, string Role)[] members)
    {
        var project = NewId(prefix);
        await Server.CreateProjectAsync(owner, project);
        foreach (var (user, role) in members) await Server.AddMemberAsync(owner, project, user, role);
        return project;
    }

    public async Task InitializeAsync()
    {
        Server = await _start();
        await SeedAsync();
    }

    /// <summary>What the tests share beyond the server (projects they only read, a document they inspect).</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
