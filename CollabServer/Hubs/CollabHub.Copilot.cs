using System.Runtime.CompilerServices;
using Collab.Copilot.Assistant;
using Collab.Server.Auth;
using Collab.Server.Copilot;
using Collab.Server.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Hubs;

/// <summary>
/// The copilot on the hub: the same answers as <c>POST /api/copilot/ask</c>, as a stream; and
/// stop/retry for replies streaming in chat.
/// </summary>
public sealed partial class CollabHub
{
    /// <summary>
    /// Streams the answer to <paramref name="question"/> (see <see cref="CopilotWireEvent"/>);
    /// <paramref name="notebook"/> is the caller's current notebook, read for context only.
    /// Cancelling the stream stops the answer. Refusals (unknown project, rate limit) are hub errors.
    /// </summary>
    public async IAsyncEnumerable<CopilotWireEvent> AskCopilot(string projectId, string question, string? notebook,
        [FromServices] CopilotAskGate gate, [FromServices] ICopilot copilot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var outcome = await gate.CheckAsync(Context.User!, projectId, question, notebook, null, cancellationToken);
        if (outcome.Request is null) throw Refusals.Hub(outcome.Refusal!);
        await foreach (var e in copilot.AskAsync(outcome.Request, cancellationToken)) yield return CopilotWireEvent.From(e);
    }

    /// <summary>Stops a copilot reply streaming in chat (on any replica); the asker or an owner may. False when it is not streaming.</summary>
    public async Task<bool> StopCopilot(string projectId, long replyMessageId, [FromServices] ProjectAccess projectAccess,
        [FromServices] CopilotChatResponder responder)
    {
        var caller = await ChatCallerAsync(projectId, projectAccess);
        return await responder.StopAsync(projectId, replyMessageId, caller.UserId, caller.Role, Context.ConnectionAborted);
    }

    /// <summary>Answers one of the caller's chat questions again, as a new streamed reply.</summary>
    public async Task RetryCopilot(string projectId, long questionMessageId, [FromServices] ProjectAccess projectAccess,
        [FromServices] CopilotChatResponder responder)
    {
        var caller = await ChatCallerAsync(projectId, projectAccess);
        await responder.RetryAsync(projectId, questionMessageId, caller.UserId, Context.ConnectionAborted);
    }
}
