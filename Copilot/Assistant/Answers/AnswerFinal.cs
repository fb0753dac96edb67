using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;

namespace Collab.Copilot.Assistant.Answers;

/// <summary>The last event of every answer.</summary>
/// <param name="Intent">What the request was routed to.</param>
/// <param name="Mode">How the answer was produced.</param>
/// <param name="Language">The language the asker wrote in (and the answer's framing uses).</param>
/// <param name="Disclaimer">The note that AI answers may be inaccurate; also the answer's last text chunk.</param>
/// <param name="RedactedSecrets">How many secrets were removed from the question before anything else saw it.</param>
public sealed record AnswerFinal(CopilotIntent Intent, AnswerMode Mode, AnswerLanguage Language, string Disclaimer, int RedactedSecrets) : CopilotEvent;
