namespace Collab.Copilot.Runtime.OpenAi;

/// <summary>A request body the OpenAI-compatible endpoints cannot accept (answered with 400).</summary>
internal sealed class OpenAiRequestException(string message, string? parameter = null) : Exception(message)
{
    public string? Parameter { get; } = parameter;
}
