namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>A signature's title, cause and fix in one language; cause and fix may hold <c>{fact}</c> placeholders.</summary>
public sealed record SignatureText(string Title, string Cause, string Fix);
