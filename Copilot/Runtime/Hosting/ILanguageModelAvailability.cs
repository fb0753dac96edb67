namespace Collab.Copilot.Runtime.Hosting;

/// <summary>
/// Tells the copilot whether it has a model. Always registered by <c>AddCopilotRuntime</c>;
/// an <c>IChatClient</c> is registered only when <see cref="IsAvailable"/> is true, so code that
/// can work without a model asks this first (or resolves <c>IChatClient</c> optionally).
/// </summary>
public interface ILanguageModelAvailability
{
    /// <summary>True when a chat model is configured.</summary>
    bool IsAvailable { get; }

    /// <summary>Which backend serves it.</summary>
    LanguageModelBackend Backend { get; }

    /// <summary>A line for logs and health pages (model file or server, never the key).</summary>
    string Description { get; }
}
