using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Audit;

/// <summary>Audits the first successful <c>JoinRoom</c>/<c>JoinChat</c> of a token in a project over SignalR.</summary>
public sealed class HubLoginAuditFilter(LoginAuditor logins) : IHubFilter
{
    private static readonly HashSet<string> JoinMethods = ["JoinRoom", "JoinChat"];

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var result = await next(context);
        if (JoinMethods.Contains(context.HubMethodName) && context.HubMethodArguments.FirstOrDefault() is string projectId)
            await logins.RecordAsync(context.Context.User!, projectId, "signalr");
        return result;
    }
}
