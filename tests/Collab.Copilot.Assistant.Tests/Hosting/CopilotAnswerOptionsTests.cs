using Collab.Copilot.Assistant.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collab.Copilot.Assistant.Tests.Hosting;

public sealed class CopilotAnswerOptionsTests
{
    [Fact]
    public void Bad_values_stop_the_start_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Copilot:Answers:PassagesPerAnswer"] = "0",
            ["Copilot:Answers:MaxAnswerTokens"] = "5",
        }).Build();
        using var services = new ServiceCollection().AddCopilotAssistant(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Copilot:Answers:PassagesPerAnswer", error.Message);
        Assert.Contains("Copilot:Answers:MaxAnswerTokens", error.Message);
    }

    [Fact]
    public void Defaults_are_valid() =>
        Assert.True(new CopilotAnswerOptionsValidator().Validate(null, new CopilotAnswerOptions()).Succeeded);
}
