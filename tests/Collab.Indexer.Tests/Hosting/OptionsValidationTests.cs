using Collab.Indexer.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Tests.Hosting;

public class OptionsValidationTests
{
    private static void Start(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddCollabIndexer(configuration).BuildServiceProvider();
        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Missing_index_path_fails_at_start_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start([]));
        Assert.Contains("Indexer:IndexPath", error.Message);
    }

    [Fact]
    public void Bad_qdrant_url_fails_at_start_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(new()
        {
            ["Indexer:IndexPath"] = "index",
            ["Qdrant:Url"] = "not a url",
        }));
        Assert.Contains("Qdrant:Url", error.Message);
    }

    [Fact]
    public void Valid_settings_start()
    {
        Start(new() { ["Indexer:IndexPath"] = "index", ["Qdrant:Url"] = "http://localhost:6333" });
    }
}
