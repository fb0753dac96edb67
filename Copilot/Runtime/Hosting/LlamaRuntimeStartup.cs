using Collab.Copilot.Runtime.Llama;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collab.Copilot.Runtime.Hosting;

/// <summary>Loads the in-process model while the host starts, so a bad model fails start-up, not the first user.</summary>
internal sealed class LlamaRuntimeStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<LlamaRuntime>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
