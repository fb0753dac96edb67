namespace Collab.Copilot.Assistant.Routing;

/// <summary>The router's decision.</summary>
/// <param name="Intent">Where the request goes.</param>
/// <param name="Request">The request in words, with the bot mention and any paste taken out.</param>
/// <param name="Paste">The pasted manifest, Dockerfile or error text the intent works on; null when there is none.</param>
public sealed record RoutedRequest(CopilotIntent Intent, string Request, string? Paste);
