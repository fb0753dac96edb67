using Collab.Copilot.Runtime.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Collab.Copilot.Runtime.Tests.Hosting;

[Trait("Needs", "Llama")]
public sealed class AddCopilotRuntimeTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCopilotRuntime(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task No_backend_means_no_chat_client_and_says_so()
    {
        using var host = Build([]);
        await host.StartAsync();
        var availability = host.Services.GetRequiredService<ILanguageModelAvailability>();
        Assert.False(availability.IsAvailable);
        Assert.Equal(LanguageModelBackend.None, availability.Backend);
        Assert.Null(host.Services.GetService<IChatClient>());
        Assert.Null(host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_model_file_fails_start_naming_the_key_and_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid() + ".gguf");
        var settings = OpenAi.OpenAiServerFixture.InProcessConfiguration();
        settings["Copilot:Model:Path"] = missing;
        using var host = Build(settings);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Copilot:Model:Path", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task Bad_values_fail_start_naming_each_key()
    {
        var settings = OpenAi.OpenAiServerFixture.InProcessConfiguration();
        settings["Copilot:Model:GpuLayers"] = "-7";
        settings["Copilot:Model:ContextSize"] = "3";
        settings["Copilot:Model:NativeLibraryPath"] = "/nonexistent/llama";
        settings["Copilot:OpenAI:BaseUrl"] = "http://also-set";
        using var host = Build(settings);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        foreach (var key in new[] { "Copilot:Model:GpuLayers", "Copilot:Model:ContextSize", "Copilot:Model:NativeLibraryPath", "Copilot:OpenAI:BaseUrl" })
            Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task An_openai_backend_without_a_model_name_fails_start()
    {
        using var host = Build(new() { ["Copilot:OpenAI:BaseUrl"] = "not a url" });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Copilot:OpenAI:BaseUrl must be an absolute", error.Message);
        Assert.Contains("Copilot:OpenAI:Model is required", error.Message);
    }
}
