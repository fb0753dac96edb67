using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Collab.Copilot.Assistant;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collab.Server.Copilot;

public static class CopilotEndpoints
{
    /// <summary>
    /// <c>POST /api/copilot/ask</c>: the answer as server-sent events (<c>event:</c> is the
    /// <see cref="CopilotWireEvent.Type"/>, <c>data:</c> the event as JSON). Refusals are problem
    /// details: 400 empty question, 404 unknown project or notebook, 429 rate limit with Retry-After (each with its <c>code</c>).
    /// Under <c>/api/projects/{projectId}/copilot</c>: stop a reply streaming in chat, retry a question.
    /// </summary>
    public static IEndpointRouteBuilder MapCopilotEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/copilot/ask", async Task<Results<ServerSentEventsResult<CopilotWireEvent>, ProblemHttpResult>> (
            CopilotAskRequest body, HttpContext http, CopilotAskGate gate, ICopilot copilot, CancellationToken ct) =>
        {
            var outcome = await gate.CheckAsync(http.User, body.ProjectId, body.Question, body.Notebook, body.CellId, ct);
            if (outcome.Request is null) return Refusals.Problem(http, outcome.Refusal!);
            return TypedResults.ServerSentEvents(Events(copilot, outcome.Request, ct));
        }).RequireAuthorization().WithTags("Copilot")
            .WithSummary("Ask the copilot")
            .WithDescription("The answer as server-sent events: `event:` is the event type (text, code, citations, final), `data:` the event as JSON. 400 empty question, 404 unknown project or notebook, 429 with Retry-After past the rate limit.");

        var group = app.MapGroup("/api/projects/{projectId}/copilot").RequireAuthorization()
            .RequireProjectRole(ProjectRole.Viewer).WithTags("Copilot");

        group.MapPost("/replies/{messageId:long}/stop", (string projectId, long messageId, HttpContext http, CopilotChatResponder responder, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                var (user, role) = Caller(http);
                if (await responder.StopAsync(projectId, messageId, user, role, ct)) return (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent();
                return Refusals.Problem(http, ErrorCode.Conflict, "That answer is not streaming any more (it finished, failed, was stopped or interrupted).");
            }))
            .WithSummary("Stop a copilot answer streaming into the chat");

        group.MapPost("/questions/{messageId:long}/retry", (string projectId, long messageId, HttpContext http, CopilotChatResponder responder, CancellationToken ct) =>
            Refusals.Run(http, async () =>
            {
                await responder.RetryAsync(projectId, messageId, Caller(http).User, ct);
                return TypedResults.Accepted((string?)null);
            }))
            .WithSummary("Ask the copilot a chat question again")
            .WithDescription("The new answer streams into the chat like the first.");
        return app;
    }

    private static async IAsyncEnumerable<SseItem<CopilotWireEvent>> Events(ICopilot copilot, CopilotRequest request,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in copilot.AskAsync(request, ct))
        {
            var wire = CopilotWireEvent.From(e);
            yield return new SseItem<CopilotWireEvent>(wire, wire.Type);
        }
    }

    private static (string User, ProjectRole Role) Caller(HttpContext http) => (
        http.RequestServices.GetRequiredService<ProjectAccess>().UserId(http.User)!,
        (ProjectRole)http.Items[ProjectRoleFilter.RoleItem]!);
}
