using Collab.Indexer.Retrieval;
using Collab.Indexer.Storage;
using Collab.Indexer.Tests.Support;
using Collab.Indexer.Translation;

namespace Collab.Indexer.Tests.Translation;

/// <summary>
/// Words of a translated question that the glossary does not know are matched to the words of a real
/// index: accents dropped, other forms of glossary words, cognates, German compounds.
/// </summary>
public class DocumentationWordMatchingTests : IAsyncLifetime
{
    private readonly TempFolder _docs = new();
    private readonly TempFolder _index = new();
    private IndexerHost _host = null!;

    public async Task InitializeAsync()
    {
        _docs.Write("scheduling/preemption.md", "# Preemption\n\nA workload may preempt workloads admitted from other queues of the cohort.");
        _docs.Write("admin/users.md", "# Administrator users\n\nAn administrator can start and stop the servers of other users.");
        _docs.Write("ui/interface.md", "# The classic notebook interface\n\nJupyterLab opens by default; the classic interface is still available.");
        _docs.Write("ops/reserve.md", "# Reserve capacity\n\nKeep reserve capacity with placeholder pods. A flavor reports capacityRevoked when a node leaves.");
        _docs.Write("ops/culling.md", "# Culling idle servers\n\nThe idle culler stops inactive servers automatically after an hour of inactivity.");
        _docs.Write("queues/viewer.md", "# Viewing queues\n\nList clusterqueues with kubectl, or open the web dashboard.");
        _docs.Write("proxy/apache.md", "# Apache\n\nAn example configuration of Apache as a reverse proxy.");
        _docs.Write("ui/editing.md", "# Editing together\n\nUsers edit one notebook in parallel. The dev server process counts the processor's processors.");
        _host = new IndexerHost(_index.Path);
        await _host.Builder.BuildAsync(_docs.Path);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        _docs.Dispose();
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    // Diacritics dropped: the documentation's own word.
    [InlineData("com obrir jupyterlab en lloc del notebook clàssic", "classic")]
    // Cognates: a long shared beginning with a documentation word.
    [InlineData("com fer administrador un usuari del hub", "administrator")]
    [InlineData("preempció a kueue: quan es treuen workloads d'altres cues", "preempt")]
    // The language's letter correspondences (k → c) before matching; another form of a glossary word ("inaktivität").
    [InlineData("inaktive notebook server automatisch beenden nach einer stunde", "idle inactivity cull")]
    [InlineData("inaktive notebook server automatisch beenden nach einer stunde", "automatic")]
    // German compounds: both parts, or the final part when the first is unknown.
    [InlineData("kann man vorab eine reservekapazität vorhalten?", "reserve capacity")]
    [InlineData("beispielkonfiguration für apache als reverse proxy vor jupyterhub", "configuration apache")]
    // A borrowed word with the language's case ending; a known word behind a negation or verb prefix.
    [InlineData("kako konfigurirati preempciju workloada u kueue", "workload")]
    [InlineData("proč se nespouští server po nečinnosti", "start spawn")]
    // An adjective made from a borrowed noun ("webové" of web).
    [InlineData("existuje pro kueue nějaké webové rozhraní", "web")]
    // A borrowed verb with the language's verb ending ("editovat" of edit); Catalan l·l is English ll.
    [InlineData("dva studenti chtějí editovat stejný notebook", "edit")]
    [InlineData("puc augmentar el paral·lelisme del job?", "parallel")]
    public void Unknown_words_become_the_documentations_words(string question, string expected)
    {
        var translation = Translate(question);
        Assert.True(translation.IsTranslated);
        Assert.Contains(expected, translation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cognate_is_not_matched_to_a_much_longer_identifier()
    {
        var translation = Translate("es pot mantenir capacitat de reserva per endavant?");
        Assert.Contains("capacity", translation.Text.Split(' '));
        Assert.DoesNotContain("capacityrevoked", translation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ending_is_taken_off_only_when_the_documentation_uses_the_rest()
    {
        // "culleru" is "culler" + "u"; "ljubica" ends in "a" but "ljubic" is no documentation word.
        var translation = Translate("kako podesiti culleru za ljubica");
        Assert.Contains("culler", translation.Text.Split(' '));
        Assert.Contains("ljubica", translation.Text.Split(' '));
    }

    [Fact]
    public void A_word_that_is_the_documentations_word_with_an_ending_is_not_taken_for_a_longer_one()
    {
        // Italian "processo" is "process" + "o", though "processor" starts with all of "processo" and is used more.
        var translation = Translate("il processo di jupyterhub non deve girare come root");
        Assert.Contains("process", translation.Text.Split(' '));
        Assert.DoesNotContain("processor", translation.Text, StringComparison.Ordinal);
        // A short stem is an English word by chance: "deve" (must) is not "dev".
        Assert.Contains("deve", translation.Text.Split(' '));
    }

    [Theory]
    // German moves a verb's particle to the end of the clause: "richte … ein" is "einrichten" (set up), "loggen … ein" logging in.
    [InlineData("wir haben zwei cluster, wie richte ich multikueue ein, damit jobs verteilt werden?", "set up", "richte")]
    [InlineData("morgens loggen sich 200 studierende gleichzeitig ein und alle warten", "login", "loggen")]
    public void A_split_verb_is_read_with_its_particle(string question, string expected, string verbAlone)
    {
        var translation = Translate(question);
        Assert.Contains(expected, translation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(verbAlone, translation.Text.Split(' '));
    }

    [Fact]
    public void A_documentation_word_that_starts_with_a_glossary_stem_is_kept_whole()
    {
        // cs "cluster*" would make "clusterqueues" a cluster; the documentation uses the whole word.
        var translation = Translate("studenti si nemohou vypsat clusterqueues");
        Assert.Contains("clusterqueues", translation.Text.Split(' '));
    }

    [Fact]
    public void Words_without_a_match_stay_as_written()
    {
        var translation = Translate("inaktive notebook server automatisch beenden nach einer woche oder monat");
        Assert.Contains("woche", translation.Text.Split(' '));
        Assert.Contains("monat", translation.Text.Split(' '));
        // Without the index's vocabulary nothing is guessed.
        Assert.Contains("administrador", QueryTranslator.Translate("com fer administrador un usuari del hub").Text.Split(' '));
    }

    [Fact]
    public async Task Translated_questions_find_the_page_through_matched_words()
    {
        Assert.Equal("scheduling/preemption.md", (await _host.Retriever.SearchAsync("preempció a kueue: quan es treuen workloads d'altres cues", 3))[0].Path);
        Assert.Equal("ops/culling.md", (await _host.Retriever.SearchAsync("inaktive notebook server automatisch beenden nach einer stunde", 3))[0].Path);
    }

    private QueryTranslation Translate(string question)
    {
        using var tracker = new CurrentSnapshotTracker(_host.Service<IndexSnapshotStore>());
        var snapshot = tracker.Acquire() ?? throw new InvalidOperationException("no snapshot published");
        try
        {
            return QueryTranslator.Translate(question, snapshot.Lexical.Vocabulary);
        }
        finally
        {
            snapshot.Release();
        }
    }
}
