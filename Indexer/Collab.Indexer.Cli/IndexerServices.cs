using Collab.Indexer.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Cli;

/// <summary>
/// Builds the service provider a command runs on: defaults, then <c>appsettings.json</c> in the working
/// directory, then environment variables (<c>Indexer__IndexPath</c>, <c>Qdrant__Url</c>), then the command's flags.
/// </summary>
internal static class IndexerServices
{
    public static ServiceProvider Build(string? indexPath)
    {
        var overrides = new Dictionary<string, string?>();
        if (indexPath is not null) overrides[$"{IndexerOptions.Section}:IndexPath"] = indexPath;

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{IndexerOptions.Section}:IndexPath"] = "index" })
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

        var provider = new ServiceCollection().AddCollabIndexer(configuration).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}
